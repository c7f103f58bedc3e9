//! The `AF_UNIX` constants under their Python names with their Linux values.
//!
//! The Python ones (`AF_UNIX`, `SCM_RIGHTS`, `SCM_CREDENTIALS`, `SO_PASSCRED`, `SO_PEERCRED`,
//! `SO_PEERSEC`, `SO_PASSSEC`) are defined in `sock_core::consts` and re-exported here (the
//! same items, so the facade's flat `sock::consts` sees each name once). The Linux limits
//! that CPython does not export live here.

pub use sock_core::consts::{AF_UNIX, SCM_CREDENTIALS, SCM_RIGHTS, SO_PASSCRED, SO_PASSSEC, SO_PEERCRED, SO_PEERSEC};

/// `UNIX_PATH_MAX`: the size of `sun_path` in `struct sockaddr_un` on Linux.
pub const UNIX_PATH_MAX: usize = 108;

/// `SCM_MAX_FD`: the most fds one `SCM_RIGHTS` message may carry; more is `InvalidInput`.
pub const SCM_MAX_FD: usize = 253;

/// `SCM_SECURITY`: the ancillary type of the sender's security label (`SO_PASSSEC`).
pub const SCM_SECURITY: libc::c_int = 0x03;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linux_values() {
        assert_eq!((AF_UNIX, SCM_RIGHTS, SCM_CREDENTIALS, SCM_SECURITY), (1, 1, 2, 3));
        assert_eq!((SO_PASSCRED, SO_PEERCRED, SO_PEERSEC, SO_PASSSEC), (16, 17, 31, 34));
        assert_eq!((UNIX_PATH_MAX, SCM_MAX_FD), (108, 253));
    }
}
