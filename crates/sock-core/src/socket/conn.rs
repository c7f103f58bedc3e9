//! Binding, listening, accepting, connecting and shutting down.

use std::io;

use libc::c_int;

use super::Socket;
use crate::addr::{SockAddr, ToSockAddr};
use crate::consts;
use crate::error::{invalid_input, timed_out};
use crate::kinds::Family;
use crate::mode::Mode;
use crate::sys;
use crate::wait::{self, Deadline, Interest};

/// Which halves of a connection [`Socket::shutdown`] closes (`SHUT_RD`, `SHUT_WR`,
/// `SHUT_RDWR`).
///
/// ```
/// use sock::{Family, Shutdown, Socket, Type};
/// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
/// a.send_all(b"request")?;
/// a.shutdown(Shutdown::Write)?; // the peer reads to end of stream...
/// assert_eq!(b.recv_vec(64)?, b"request");
/// assert_eq!(b.recv_vec(64)?, b"");
/// b.send_all(b"reply")?; // ...and can still answer
/// assert_eq!(a.recv_vec(64)?, b"reply");
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shutdown {
    /// `SHUT_RD`: no more receiving.
    Read,
    /// `SHUT_WR`: no more sending (the peer sees end of file).
    Write,
    /// `SHUT_RDWR`: both.
    Both,
}

impl Shutdown {
    /// The `SHUT_*` value.
    ///
    /// ```
    /// use sock::consts::{SHUT_RD, SHUT_RDWR, SHUT_WR};
    /// use sock::Shutdown;
    /// assert_eq!([Shutdown::Read.raw(), Shutdown::Write.raw(), Shutdown::Both.raw()], [SHUT_RD, SHUT_WR, SHUT_RDWR]);
    /// ```
    pub fn raw(self) -> c_int {
        match self {
            Shutdown::Read => consts::SHUT_RD,
            Shutdown::Write => consts::SHUT_WR,
            Shutdown::Both => consts::SHUT_RDWR,
        }
    }

    /// The direction for a `SHUT_*` value; anything else is `InvalidInput`.
    ///
    /// ```
    /// use sock::{consts::SHUT_WR, Shutdown};
    /// assert_eq!(Shutdown::from_raw(SHUT_WR)?, Shutdown::Write);
    /// assert_eq!(Shutdown::from_raw(7).unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn from_raw(how: c_int) -> io::Result<Shutdown> {
        match how {
            consts::SHUT_RD => Ok(Shutdown::Read),
            consts::SHUT_WR => Ok(Shutdown::Write),
            consts::SHUT_RDWR => Ok(Shutdown::Both),
            _ => Err(invalid_input("how", "must be SHUT_RD, SHUT_WR or SHUT_RDWR")),
        }
    }
}

impl From<std::net::Shutdown> for Shutdown {
    fn from(how: std::net::Shutdown) -> Self {
        match how {
            std::net::Shutdown::Read => Shutdown::Read,
            std::net::Shutdown::Write => Shutdown::Write,
            std::net::Shutdown::Both => Shutdown::Both,
        }
    }
}

/// `listen()`'s default backlog: `min(SOMAXCONN, 128)`, as CPython.
pub const DEFAULT_BACKLOG: c_int = if consts::SOMAXCONN < 128 { consts::SOMAXCONN } else { 128 };

impl Socket {
    /// `socket.bind(address)`.
    ///
    /// An address of another family (say a UNIX path given to an INET socket) is
    /// `InvalidInput` before any syscall, as are all of [`Socket::check_addr_family`]'s cases.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// s.bind(("127.0.0.1", 0))?; // port 0: the kernel picks one
    /// assert_ne!(s.local_addr()?.as_socket().unwrap().port(), 0);
    /// // An address of another family is refused before any syscall:
    /// let unix = Socket::new(Family::UNIX, Type::DGRAM, None)?;
    /// assert_eq!(unix.bind(("127.0.0.1", 0)).unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn bind<M>(&self, addr: impl ToSockAddr<M>) -> io::Result<()> {
        let addr = addr.to_sock_addr(self).map_err(|e| crate::context(e, "bind", ""))?;
        self.check_addr_family(&addr, "bind")?;
        sys::bind(self.as_fd(), &addr).map_err(|e| crate::context(e, "bind", addr))
    }

    /// `socket.listen(backlog)`; `None` is `min(SOMAXCONN, 128)`, a negative backlog is 0.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let server = Socket::new(Family::INET, Type::STREAM, None)?;
    /// server.bind(("127.0.0.1", 0))?;
    /// server.listen(None)?; // CPython's default backlog
    /// assert!(server.accept_conn()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn listen(&self, backlog: Option<i32>) -> io::Result<()> {
        let backlog = backlog.unwrap_or(DEFAULT_BACKLOG).max(0);
        self.s2().listen(backlog).map_err(|e| crate::context(e, "listen", format_args!("backlog {backlog}")))
    }

    /// `socket.accept()`: the new connection (close-on-exec, in the *default* timeout, as
    /// CPython's net effect) and the peer's address. Waits per this socket's mode.
    ///
    /// On AF_ALG the address is empty: the kernel cannot name an operation socket's peer, so
    /// (like CPython) no address buffer is passed.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let server = Socket::new(Family::INET, Type::STREAM, None)?;
    /// server.bind(("127.0.0.1", 0))?;
    /// server.listen(None)?;
    /// let client = Socket::new(Family::INET, Type::STREAM, None)?;
    /// client.connect(&server.local_addr()?)?;
    /// let (conn, peer) = server.accept()?;
    /// assert_eq!(peer, client.local_addr()?);
    /// conn.send_all(b"welcome")?;
    /// assert_eq!(client.recv_vec(16)?, b"welcome");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn accept(&self) -> io::Result<(Socket, SockAddr)> {
        let want_addr = self.family() != crate::Family::ALG;
        let (fd, addr) = self.call("accept", Interest::Read, || sys::accept(self.as_fd(), want_addr))?;
        Ok((self.adopt(fd)?, addr))
    }

    /// `socket.connect(address)`.
    ///
    /// In timeout mode it waits for the connection at most the timeout (`TimedOut` after);
    /// blocking, it waits as long as it takes; non-blocking, it returns the kernel's
    /// `EINPROGRESS` error. A connect interrupted by a signal is never repeated: it waits for
    /// the connection under way and reads its outcome from `SO_ERROR`.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let server = Socket::new(Family::INET, Type::STREAM, None)?;
    /// server.bind(("127.0.0.1", 0))?;
    /// server.listen(None)?;
    /// let client = Socket::new(Family::INET, Type::STREAM, None)?;
    /// client.set_timeout_secs(5.0)?;
    /// client.connect(&server.local_addr()?)?;
    /// assert_eq!(client.peer_addr()?, server.local_addr()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn connect<M>(&self, addr: impl ToSockAddr<M>) -> io::Result<()> {
        let addr = addr.to_sock_addr(self).map_err(|e| crate::context(e, "connect", ""))?;
        self.check_addr_family(&addr, "connect")?;
        self.connect_raw(&addr).map_err(|e| crate::context(e, "connect", addr))
    }

    /// `socket.connect_ex(address)`: like [`Socket::connect`] but the outcome of the connect
    /// itself comes back as an errno value (0 on success, `EWOULDBLOCK` on timeout); only a
    /// bad address is an `Err`.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let closed = Socket::new(Family::INET, Type::STREAM, None)?;
    /// closed.bind(("127.0.0.1", 0))?; // bound but not listening: connecting is refused
    /// let client = Socket::new(Family::INET, Type::STREAM, None)?;
    /// assert_eq!(client.connect_ex(&closed.local_addr()?)?, libc::ECONNREFUSED);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn connect_ex<M>(&self, addr: impl ToSockAddr<M>) -> io::Result<i32> {
        let addr = addr.to_sock_addr(self).map_err(|e| crate::context(e, "connect_ex", ""))?;
        self.check_addr_family(&addr, "connect_ex")?;
        Ok(match self.connect_raw(&addr) {
            Ok(()) => 0,
            Err(e) if e.kind() == io::ErrorKind::TimedOut => libc::EWOULDBLOCK,
            Err(e) => e.raw_os_error().unwrap_or(libc::EINVAL),
        })
    }

    fn connect_raw(&self, addr: &SockAddr) -> io::Result<()> {
        let err = match sys::connect(self.as_fd(), addr) {
            Ok(()) => return Ok(()),
            Err(e) => e,
        };
        let mode = self.mode();
        let interrupted = err.kind() == io::ErrorKind::Interrupted;
        let in_progress = err.raw_os_error() == Some(libc::EINPROGRESS);
        let timeout = match (mode, interrupted, in_progress) {
            (Mode::Timeout(t), true, _) | (Mode::Timeout(t), _, true) => Some(t),
            (Mode::Blocking, true, _) => None,
            _ => return Err(err),
        };
        let mut deadline = Deadline::new();
        loop {
            let left = match timeout {
                Some(t) => Some(deadline.remaining(t).ok_or_else(|| timed_out("connect"))?),
                None => None,
            };
            match wait::poll_once(self.as_fd(), Interest::Write, left) {
                Ok(true) => break,
                Ok(false) => return Err(timed_out("connect")),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
        match self.take_error()? {
            None => Ok(()),
            Some(e) if e.raw_os_error() == Some(libc::EISCONN) => Ok(()),
            Some(e) => Err(e),
        }
    }

    /// Refuses, with `InvalidInput` naming `op` and both families, an address that cannot be
    /// meant for this socket: its family must be the socket's, with the kernel's own
    /// exceptions — `AF_UNSPEC` (which `connect` uses to dissolve an association), an `AF_INET`
    /// address on an `AF_INET6` socket (the kernel maps it or answers for itself), and
    /// `AF_INET`/`AF_INET6` addresses on an `AF_RDS` socket (RDS is addressed by IP). Every
    /// method that passes an address to the kernel checks it first.
    ///
    /// ```
    /// use sock::{Socket, SockAddr, Family, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// let unix = SockAddr::new(libc::AF_UNIX as u16, b"/tmp/x\0")?;
    /// let err = s.check_addr_family(&unix, "bind").unwrap_err();
    /// assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
    /// assert_eq!(err.to_string(), "bind: an AF_UNIX address cannot be used with an AF_INET socket");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[inline]
    pub fn check_addr_family(&self, addr: &SockAddr, op: &str) -> io::Result<()> {
        let theirs = c_int::from(addr.family());
        if theirs == self.family().0 {
            return Ok(());
        }
        self.check_addr_family_slow(theirs, op)
    }

    #[cold]
    fn check_addr_family_slow(&self, theirs: c_int, op: &str) -> io::Result<()> {
        let ours = self.family();
        let fits = theirs == libc::AF_UNSPEC
            || (ours == Family::INET6 && theirs == libc::AF_INET)
            || (ours == Family::RDS && (theirs == libc::AF_INET || theirs == libc::AF_INET6));
        if fits {
            return Ok(());
        }
        let name = |f: Family| match f.name() {
            Some(n) => format!("AF_{n}"),
            None => format!("family {}", f.0),
        };
        Err(invalid_input(
            op,
            &format!("an {} address cannot be used with an {} socket", name(Family(theirs)), name(ours)),
        ))
    }

    /// Reads and clears `SO_ERROR`: the pending asynchronous error, if any.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let closed = Socket::new(Family::INET, Type::STREAM, None)?;
    /// closed.bind(("127.0.0.1", 0))?;
    /// let client = Socket::new(Family::INET, Type::STREAM, None)?;
    /// client.set_blocking(false)?;
    /// let _ = client.connect(&closed.local_addr()?); // EINPROGRESS or already refused
    /// sock::wait::poll_once(client.as_fd(), sock::wait::Interest::Write, None)?;
    /// // Asynchronous errors wait in SO_ERROR, which a read also clears:
    /// let pending = client.take_error()?.map(|e| e.raw_os_error());
    /// assert!(matches!(pending, Some(Some(libc::ECONNREFUSED)) | None));
    /// assert!(client.take_error()?.is_none());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn take_error(&self) -> io::Result<Option<io::Error>> {
        let code = self.getsockopt_int(consts::SOL_SOCKET, consts::SO_ERROR)?;
        Ok((code != 0).then(|| io::Error::from_raw_os_error(code)))
    }

    /// `socket.shutdown(how)`.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// a.shutdown(std::net::Shutdown::Write)?; // std's enum works too
    /// assert_eq!(b.recv_vec(8)?, b""); // end of stream
    /// assert_eq!(sock::errno(&a.send(b"late").unwrap_err()), Some(libc::EPIPE));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn shutdown(&self, how: impl Into<Shutdown>) -> io::Result<()> {
        let how = match how.into() {
            Shutdown::Read => std::net::Shutdown::Read,
            Shutdown::Write => std::net::Shutdown::Write,
            Shutdown::Both => std::net::Shutdown::Both,
        };
        self.s2().shutdown(how)
    }

    /// `socket.getsockname()`: this socket's own address, raw (decode it with the family
    /// crate, or `sock::Addr` in the facade).
    ///
    /// ```
    /// use sock::{Addr, Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// s.bind(("127.0.0.1", 0))?;
    /// let raw = s.local_addr()?;
    /// assert!(raw.as_socket().unwrap().ip().is_loopback());
    /// // Typed, through the facade's decoder of every family:
    /// assert_eq!(Addr::decode(&raw), Addr::Inet(raw.as_socket().unwrap()));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn local_addr(&self) -> io::Result<SockAddr> {
        sys::sockname(self.as_fd(), false)
    }

    /// `socket.getpeername()`: the connected peer's address.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let a = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// a.bind(("127.0.0.1", 0))?;
    /// let b = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// assert_eq!(sock::errno(&b.peer_addr().unwrap_err()), Some(libc::ENOTCONN));
    /// b.connect(&a.local_addr()?)?;
    /// assert_eq!(b.peer_addr()?, a.local_addr()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn peer_addr(&self) -> io::Result<SockAddr> {
        sys::sockname(self.as_fd(), true)
    }
}
