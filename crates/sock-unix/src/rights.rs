//! `SCM_RIGHTS` items: file descriptors passed over `AF_UNIX` sockets.
//!
//! Sending takes borrowed fds (`&[impl AsFd]`); receiving gives `OwnedFd`s, received with
//! `MSG_CMSG_CLOEXEC` (sock-core adds it to every AF_UNIX `recvmsg`), whole ints only, owned right
//! after the syscall so that none can leak whatever happens next.

use std::io;
use std::os::fd::{AsFd, AsRawFd};

use sock_core::cmsg::CmsgWriter;
use sock_core::consts::{SCM_RIGHTS, SOL_SOCKET};
use sock_core::invalid_input;

use crate::consts::SCM_MAX_FD;

/// Size of one fd in an `SCM_RIGHTS` array (a native `int`).
pub(crate) const FD_SIZE: usize = std::mem::size_of::<libc::c_int>();

/// Appends one `SOL_SOCKET`/`SCM_RIGHTS` item carrying `fds`. The fds stay the caller's: the
/// kernel duplicates them into the receiver when the message is sent, so they must stay open
/// until then (the borrow sees to that while the writer's buffer is in use).
///
/// More than [`SCM_MAX_FD`] fds is `InvalidInput` (argument `fds`), as is a buffer too
/// small (`cmsg_space(fds.len() * 4)` bytes are needed).
///
/// ```
/// use std::os::fd::AsFd;
/// use sock::cmsg::{cmsg_space, CmsgWriter};
/// let (a, b) = sock::unix::socketpair()?;
/// let mut buf = [0u8; 64];
/// let mut writer = CmsgWriter::new(&mut buf);
/// sock::unix::push_rights(&mut writer, &[a.as_fd(), b.as_fd()])?;
/// assert_eq!(writer.len(), cmsg_space(8)?);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn push_rights<F: AsFd>(writer: &mut CmsgWriter<'_>, fds: &[F]) -> io::Result<()> {
    let len = rights_data_len(fds.len())?;
    let mut ints = [0u8; SCM_MAX_FD * FD_SIZE];
    for (slot, fd) in ints.chunks_exact_mut(FD_SIZE).zip(fds) {
        slot.copy_from_slice(&fd.as_fd().as_raw_fd().to_ne_bytes());
    }
    writer.push(SOL_SOCKET, SCM_RIGHTS, &ints[..len])
}

/// The data length of an `SCM_RIGHTS` item with `count` fds; more than [`SCM_MAX_FD`] is
/// `InvalidInput` (argument `fds`).
pub(crate) fn rights_data_len(count: usize) -> io::Result<usize> {
    if count > SCM_MAX_FD {
        return Err(invalid_input("fds", "more file descriptors than SCM_MAX_FD (253)"));
    }
    Ok(count * FD_SIZE)
}

/// The control buffer size for sending `SCM_MAX_FD` fds: `CMSG_SPACE(253 * 4)`.
pub(crate) const MAX_RIGHTS_SPACE: usize = space_for(SCM_MAX_FD * FD_SIZE);

/// `CMSG_LEN(0)`: the aligned size of `struct cmsghdr` (sock-core's).
pub(crate) const fn header_space() -> usize {
    sock_core::cmsg::HEADER_LEN
}

/// `CMSG_SPACE(len)` for the constant sizes of this crate (sock-core's `space_of`; a size
/// out of range would fail to compile, since this is only used in constants).
pub(crate) const fn space_for(len: usize) -> usize {
    match sock_core::cmsg::space_of(len) {
        Some(n) => n,
        None => panic!("CMSG_SPACE argument out of range"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sock_core::cmsg::{cmsg_len, cmsg_space, CmsgIter};
    use sock_core::rights_fds;

    #[test]
    fn sizes_match_the_macros() {
        assert_eq!(MAX_RIGHTS_SPACE, cmsg_space(SCM_MAX_FD * FD_SIZE).unwrap());
        assert_eq!(header_space(), cmsg_len(0).unwrap());
        for len in [0, 1, 4, 12, 13, 1012] {
            assert_eq!(space_for(len), cmsg_space(len).unwrap());
        }
    }

    #[test]
    fn too_many_fds() {
        let r = std::fs::File::open("/dev/null").unwrap();
        let fds = vec![r.as_fd(); SCM_MAX_FD + 1];
        let mut buf = vec![0u8; 2048];
        let mut writer = CmsgWriter::new(&mut buf);
        assert_eq!(push_rights(&mut writer, &fds).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        push_rights(&mut writer, &fds[..SCM_MAX_FD]).unwrap();
        let len = writer.len();
        let item = CmsgIter::new(&buf[..len]).next().unwrap();
        assert_eq!(rights_fds(item.data).count(), SCM_MAX_FD);
        assert!(rights_fds(item.data).all(|fd| fd == r.as_raw_fd()));
    }
}
