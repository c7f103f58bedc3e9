//! [`Credentials`]: the `struct ucred` of `SO_PEERCRED` and `SCM_CREDENTIALS`.

use std::io;

use sock_core::cmsg::{Cmsg, CmsgWriter};
use sock_core::consts::{SCM_CREDENTIALS, SOL_SOCKET};
use sock_core::pod::Pod;

/// A process's credentials as the kernel passes them over `AF_UNIX` sockets: `struct ucred`.
///
/// Read the peer's with [`UnixSocketExt::peer_cred`](crate::UnixSocketExt::peer_cred)
/// (`SO_PEERCRED`); receive a sender's per message with `SO_PASSCRED` and
/// [`UnixSocketExt::recv_credentials`](crate::UnixSocketExt::recv_credentials).
///
/// ```
/// let me = sock::unix::Credentials::current();
/// assert_eq!(me.pid, std::process::id() as i32);
/// ```
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Credentials {
    /// Process id (in the receiver's pid namespace).
    pub pid: libc::pid_t,
    /// User id (in the receiver's user namespace).
    pub uid: libc::uid_t,
    /// Group id (in the receiver's user namespace).
    pub gid: libc::gid_t,
}

// SAFETY: three 4-byte integers in a `repr(C)` struct: no padding, and any bytes are a value.
unsafe impl Pod for Credentials {}

const _: () = assert!(std::mem::size_of::<Credentials>() == std::mem::size_of::<libc::ucred>());

impl Credentials {
    /// The calling process's pid, real uid and real gid: what the kernel accepts in an
    /// `SCM_CREDENTIALS` item from an unprivileged sender.
    ///
    /// ```
    /// let me = sock::unix::Credentials::current();
    /// assert_eq!(me.uid, unsafe { libc::getuid() }); // SAFETY: getuid cannot fail.
    /// ```
    pub fn current() -> Credentials {
        Credentials { pid: std::process::id() as libc::pid_t, uid: real_uid(), gid: real_gid() }
    }

    /// The credentials in a received `SOL_SOCKET`/`SCM_CREDENTIALS` item (`None` for any other
    /// item, or one cut short). The same as `item.decode::<Credentials>()`
    /// ([`DecodeCmsg`](sock_core::cmsg::DecodeCmsg)).
    ///
    /// ```
    /// use sock::cmsg::{CmsgIter, CmsgWriter};
    /// use sock::unix::Credentials;
    /// let mut buf = [0u8; 64];
    /// let mut w = CmsgWriter::new(&mut buf);
    /// Credentials::current().push_to(&mut w)?;
    /// let n = w.len();
    /// let item = CmsgIter::new(&buf[..n]).next().unwrap();
    /// assert_eq!(Credentials::from_cmsg(&item), Some(Credentials::current()));
    /// assert_eq!(item.decode::<Credentials>(), Some(Credentials::current()));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn from_cmsg(item: &Cmsg<'_>) -> Option<Credentials> {
        if item.level != SOL_SOCKET || item.ty != SCM_CREDENTIALS || item.truncated {
            return None;
        }
        item.value()
    }

    /// Appends these credentials as a `SOL_SOCKET`/`SCM_CREDENTIALS` item. Space needed:
    /// `cmsg_space(size_of::<Credentials>())`.
    ///
    /// ```
    /// use sock::cmsg::{cmsg_space, CmsgWriter};
    /// let mut buf = [0u8; 64];
    /// let mut w = CmsgWriter::new(&mut buf);
    /// sock::unix::Credentials::current().push_to(&mut w)?;
    /// assert_eq!(w.len(), cmsg_space(std::mem::size_of::<sock::unix::Credentials>())?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn push_to(&self, writer: &mut CmsgWriter<'_>) -> io::Result<()> {
        writer.push_value(SOL_SOCKET, SCM_CREDENTIALS, self)
    }
}

/// The decoder of `SCM_CREDENTIALS` items in the one ancillary-data model:
/// `cmsg.decode::<Credentials>()`.
impl<'a> sock_core::cmsg::DecodeCmsg<'a> for Credentials {
    fn decode_cmsg(item: &Cmsg<'a>) -> Option<Credentials> {
        Credentials::from_cmsg(item)
    }
}

fn real_uid() -> libc::uid_t {
    // SAFETY: getuid(2) takes no arguments, touches no memory and cannot fail.
    unsafe { libc::getuid() }
}

fn real_gid() -> libc::gid_t {
    // SAFETY: getgid(2) takes no arguments, touches no memory and cannot fail.
    unsafe { libc::getgid() }
}

impl From<libc::ucred> for Credentials {
    fn from(c: libc::ucred) -> Credentials {
        Credentials { pid: c.pid, uid: c.uid, gid: c.gid }
    }
}

impl From<Credentials> for libc::ucred {
    fn from(c: Credentials) -> libc::ucred {
        libc::ucred { pid: c.pid, uid: c.uid, gid: c.gid }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sock_core::cmsg::{cmsg_space, CmsgIter};

    #[test]
    fn cmsg_round_trip() {
        let me = Credentials::current();
        let mut buf = [0u8; 64];
        let mut w = CmsgWriter::new(&mut buf);
        me.push_to(&mut w).unwrap();
        let len = w.len();
        assert_eq!(len, cmsg_space(12).unwrap());
        let item = CmsgIter::new(&buf[..len]).next().unwrap();
        assert_eq!(Credentials::from_cmsg(&item), Some(me));
        let cut = CmsgIter::new(&buf[..len - 8]).next().unwrap();
        assert_eq!(Credentials::from_cmsg(&cut), None);
    }
}
