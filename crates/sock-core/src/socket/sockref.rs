//! [`SockRef`]: every [`Socket`] method on a socket fd owned by someone else (a std, tokio or
//! mio socket), without a `dup` and without changing its flags.

use std::fmt;
use std::io;
use std::marker::PhantomData;
use std::mem::ManuallyDrop;
use std::ops::Deref;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, FromRawFd, OwnedFd};

use super::{fd_is_nonblocking, opts, Socket};
use crate::consts;
use crate::kinds::{Family, Protocol, Type};
use crate::mode::{AtomicMode, Mode};

/// A borrowed view of any socket fd as a [`Socket`], in the manner of `socket2::SockRef`:
/// it derefs to `&Socket`, so every method and typed option works on the borrowed fd —
/// including the family crates' extension traits — with no `dup` and no copy.
///
/// The fd stays its owner's: the view never closes it, and never changes its flags. Its
/// [`Mode`] is read from the fd (non-blocking if `O_NONBLOCK` is set, blocking otherwise);
/// a mode that needs the other flag ([`Socket::set_mode`], [`Socket::set_timeout`],
/// [`Socket::set_blocking`]) and [`Socket::set_inheritable`] are `InvalidInput`. A timeout on
/// an fd that is already non-blocking needs no change and works, for this view only. Socket options (`setsockopt`) are the
/// caller's explicit request and do apply.
///
/// ```
/// use sock::{SockRef, Family, Type, consts};
/// let std_sock = std::net::UdpSocket::bind("127.0.0.1:0")?;
/// let s = SockRef::new(&std_sock)?;
/// assert_eq!((s.family(), s.ty()), (Family::INET, Type::DGRAM));
/// s.set_flag(consts::SOL_SOCKET, consts::SO_BROADCAST, true)?;
/// assert!(std_sock.broadcast()?); // the same socket
/// # Ok::<(), std::io::Error>(())
/// ```
pub struct SockRef<'a> {
    sock: ManuallyDrop<Socket>,
    _borrow: PhantomData<BorrowedFd<'a>>,
}

impl<'a> SockRef<'a> {
    /// A view of `fd`, which must be a socket (`ENOTSOCK` otherwise). Reads its family, type
    /// and protocol and its `O_NONBLOCK` flag (four syscalls); changes nothing.
    ///
    /// ```
    /// use sock::{Family, SockRef, Type};
    /// let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    /// let view = SockRef::new(&listener)?;
    /// assert_eq!((view.family(), view.ty()), (Family::INET, Type::STREAM));
    /// assert!(view.accept_conn()?);
    /// assert_eq!(view.local_addr()?.as_socket(), Some(listener.local_addr()?));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(fd: &'a impl AsFd) -> io::Result<SockRef<'a>> {
        SockRef::from_borrowed(fd.as_fd())
    }

    /// A view of a borrowed fd (see [`SockRef::new`]).
    ///
    /// ```
    /// use sock::SockRef;
    /// use std::os::fd::{AsRawFd, BorrowedFd};
    /// let udp = std::net::UdpSocket::bind("127.0.0.1:0")?;
    /// // A raw fd from elsewhere (a C library, a callback), known to stay open meanwhile:
    /// // SAFETY: `udp` owns the fd and outlives `view`.
    /// let fd = unsafe { BorrowedFd::borrow_raw(udp.as_raw_fd()) };
    /// let view = SockRef::from_borrowed(fd)?;
    /// view.set_broadcast(true)?;
    /// assert!(udp.broadcast()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn from_borrowed(fd: BorrowedFd<'a>) -> io::Result<SockRef<'a>> {
        let probe = |name| opts::get_int_raw(fd, consts::SOL_SOCKET, name);
        let ty = Type(probe(consts::SO_TYPE)?);
        let family = Family(probe(consts::SO_DOMAIN)?);
        let protocol = Protocol(probe(consts::SO_PROTOCOL)?);
        let mode = if fd_is_nonblocking(fd)? { Mode::NonBlocking } else { Mode::Blocking };
        // `fd` is open for at least 'a (a `BorrowedFd<'a>`; `SockRef<'a>` cannot outlive it).
        // The `OwnedFd` sits in a `ManuallyDrop` never released, and the view only hands out
        // `&Socket`, through which nothing takes the fd by value (`close`, `detach`, `into_*`).
        // SAFETY: so the fd is valid here and this `OwnedFd` never closes it.
        let owned = unsafe { OwnedFd::from_raw_fd(fd.as_raw_fd()) };
        let sock = Socket {
            fd: owned,
            family,
            ty: ty.without_flags(),
            protocol,
            cmsg_cloexec: super::cmsg_cloexec_for(family),
            borrowed: true,
            mode: AtomicMode::new(mode),
        };
        Ok(SockRef { sock: ManuallyDrop::new(sock), _borrow: PhantomData })
    }
}

impl Deref for SockRef<'_> {
    type Target = Socket;

    fn deref(&self) -> &Socket {
        &self.sock
    }
}

impl AsRef<Socket> for SockRef<'_> {
    fn as_ref(&self) -> &Socket {
        &self.sock
    }
}

impl AsFd for SockRef<'_> {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.sock.as_fd()
    }
}

impl fmt::Debug for SockRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("SockRef").field(&*self.sock).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::fd::AsRawFd;
    use std::time::Duration;

    #[test]
    fn views_without_dup_or_flag_changes() {
        let (a, b) = std::os::unix::net::UnixDatagram::pair().unwrap();
        a.set_nonblocking(true).unwrap();
        let view = SockRef::new(&a).unwrap();
        assert_eq!(view.fileno(), a.as_raw_fd(), "no dup");
        assert_eq!(view.mode(), Mode::NonBlocking);
        assert_eq!(view.set_blocking(true).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        assert_eq!(view.set_timeout(None).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        // A timeout needs O_NONBLOCK, which the fd already has: allowed, and a view-local mode.
        view.set_timeout(Some(Duration::from_millis(20))).unwrap();
        let mut buf = [0u8; 16];
        assert_eq!(view.recv(&mut buf).unwrap_err().kind(), io::ErrorKind::TimedOut);
        view.set_blocking(false).unwrap(); // matches the flag already: nothing to change
        assert_eq!(view.set_inheritable(true).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        view.send(b"via view").unwrap();
        let n = b.recv(&mut buf).unwrap();
        assert_eq!(&buf[..n], b"via view");
        assert_eq!(view.recv(&mut buf).unwrap_err().kind(), io::ErrorKind::WouldBlock);
        {
            let _gone = view; // dropped here
        }
        a.send(b"still open").unwrap(); // dropping the view closed nothing
        let file = std::fs::File::open("/proc/self/exe").unwrap();
        assert_eq!(SockRef::new(&file).unwrap_err().raw_os_error(), Some(libc::ENOTSOCK));
    }
}
