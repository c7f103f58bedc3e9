//! [`Socket`]: CPython's socket object.

mod batch;
mod conn;
mod convert;
mod io;
mod msg;
mod opts;
mod sendfile;
mod sockref;
mod sol;
mod splice;

use std::io as stdio;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, IntoRawFd, OwnedFd, RawFd};
use std::time::Duration;

use libc::c_int;

use crate::consts;
use crate::kinds::{Family, IntoProtocol, Protocol, Type};
use crate::mode::{default_mode, AtomicMode, Mode};
use crate::wait::{self, Deadline, Interest};

pub use batch::{AsOutMsg, BatchMsg, OutMsg, RecvBatch, SendBatch};
pub use conn::{Shutdown, DEFAULT_BACKLOG};
pub use io::zeroed_vec;
pub use msg::{rights_fds, AncData, RecvMeta, RecvMsg, RecvMsgOwned};
pub use opts::{OptValue, SockOpt, GETSOCKOPT_MAX_BUFLEN};
pub use sendfile::file_range_end;
pub use sockref::SockRef;
pub use splice::SplicePipe;

/// A socket: CPython's `socket.socket` for Rust.
///
/// It owns its fd (always close-on-exec), remembers its family, type and protocol, and is in
/// one of three [`Mode`]s: blocking, non-blocking, or timeout. Every method takes `&self`, so
/// a `Socket` can be shared between threads (`Send + Sync`) like `std::net::TcpStream`; the
/// mode lives in an atomic.
///
/// In timeout mode the fd is `O_NONBLOCK` and each call makes its syscall first; only after
/// `EAGAIN` does it `poll` with the time left of a single deadline that spans the whole call.
/// A timeout is an [`std::io::ErrorKind::TimedOut`] error. Signals (`EINTR`) never break a call.
///
/// ```
/// use sock::{Socket, Family, Type};
/// use std::time::Duration;
///
/// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
/// a.set_timeout(Some(Duration::from_secs(1)))?;
/// b.send_all(b"hello")?;
/// let mut buf = [0u8; 16];
/// let n = a.recv(&mut buf)?;
/// assert_eq!(&buf[..n], b"hello");
/// # Ok::<(), std::io::Error>(())
/// ```
pub struct Socket {
    fd: OwnedFd,
    family: Family,
    ty: Type,
    protocol: Protocol,
    /// `MSG_CMSG_CLOEXEC` when the kernel's domain of this fd is AF_UNIX (the only family that
    /// passes fds; others, like AF_PACKET, refuse the flag), else 0.
    cmsg_cloexec: c_int,
    /// Whether this is a [`SockRef`]'s view of an fd owned elsewhere: then the fd's flags
    /// (`O_NONBLOCK`, `FD_CLOEXEC`) belong to the owner and are never changed.
    borrowed: bool,
    mode: AtomicMode,
}

impl Socket {
    /// Creates a socket (`socket.socket(family, type, proto)`).
    ///
    /// Each argument takes the typed value or CPython's integer constant: `Family::INET` or
    /// `AF_INET`, `Type::DGRAM` or `SOCK_DGRAM`, `None`/`Protocol::UDP` or `0`/`IPPROTO_UDP`
    /// (see [`IntoProtocol`]). The fd is close-on-exec. `ty` may carry `SOCK_NONBLOCK` (the
    /// socket then starts non-blocking); otherwise it starts in the
    /// [default timeout](crate::default_timeout). `ty()` reports the type without the flag bits.
    ///
    /// A family or protocol the running kernel lacks fails with its OS error
    /// (`EAFNOSUPPORT`, `EPROTONOSUPPORT`) and a message that names the kernel module to load
    /// (see [`kernel_module`](crate::kernel_module)).
    ///
    /// ```
    /// use sock::consts::{AF_INET, SOCK_STREAM};
    /// use sock::{Family, Socket, Type};
    /// let tcp = Socket::new(AF_INET, SOCK_STREAM, 0)?;
    /// assert_eq!((tcp.family(), tcp.ty()), (Family::INET, Type::STREAM));
    /// let unix = Socket::new(Family::UNIX, Type::DGRAM, None)?;
    /// assert_eq!(unix.family(), Family::UNIX);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(family: impl Into<Family>, ty: impl Into<Type>, protocol: impl IntoProtocol) -> stdio::Result<Socket> {
        let (family, ty, protocol) = (family.into(), ty.into(), protocol.into_protocol());
        let raw = socket2::Socket::new(
            socket2::Domain::from(family.0),
            socket2::Type::from(ty.without_flags().0),
            protocol.map(|p| socket2::Protocol::from(p.0)),
        )
        .map_err(|e| creation_error(e, "socket", family, ty, protocol))?;
        let mode = if ty.is_nonblocking() { Mode::NonBlocking } else { default_mode() };
        Socket::with_mode(raw.into(), family, ty.without_flags(), protocol.unwrap_or(Protocol::DEFAULT), mode)
    }

    /// Creates a connected pair of sockets (`socket.socketpair()`); pass `Family::UNIX` and
    /// `Type::STREAM` for CPython's defaults. Both start in the default timeout.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::SEQPACKET, None)?;
    /// a.send(b"one record")?;
    /// assert_eq!(b.recv_vec(64)?, b"one record");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn pair(
        family: impl Into<Family>,
        ty: impl Into<Type>,
        protocol: impl IntoProtocol,
    ) -> stdio::Result<(Socket, Socket)> {
        let (family, ty, protocol) = (family.into(), ty.into(), protocol.into_protocol());
        let (a, b) = socket2::Socket::pair(
            socket2::Domain::from(family.0),
            socket2::Type::from(ty.without_flags().0),
            protocol.map(|p| socket2::Protocol::from(p.0)),
        )
        .map_err(|e| creation_error(e, "socketpair", family, ty, protocol))?;
        let mode = if ty.is_nonblocking() { Mode::NonBlocking } else { default_mode() };
        let proto = protocol.unwrap_or(Protocol::DEFAULT);
        Ok((
            Socket::with_mode(a.into(), family, ty.without_flags(), proto, mode)?,
            Socket::with_mode(b.into(), family, ty.without_flags(), proto, mode)?,
        ))
    }

    /// Takes ownership of a socket fd and reads its family, type and protocol from the kernel
    /// (`SO_DOMAIN`, `SO_TYPE`, `SO_PROTOCOL`), as `socket.socket(fileno=fd)` does. The fd is
    /// made close-on-exec.
    ///
    /// **The fd's blocking flag is left alone** unless a [default timeout](crate::default_timeout)
    /// is set, as in CPython: an fd shares its `O_NONBLOCK` flag with every duplicate of it
    /// (a tokio or std socket, the caller's own copy), so changing it would silently change
    /// them too. The socket's [`Mode`] then tells the truth about the fd: non-blocking if
    /// `O_NONBLOCK` is set, blocking otherwise (CPython reports `None` for both, and behaves
    /// the same). With a default timeout set, the fd is made non-blocking and the socket is in
    /// that timeout, again as in CPython.
    ///
    /// Fails with `ENOTSOCK` if the fd is not a socket.
    ///
    /// ```
    /// use sock::{Family, Mode, Socket, Type};
    /// use std::os::fd::OwnedFd;
    /// let std_sock = std::net::TcpListener::bind("127.0.0.1:0")?;
    /// let s = Socket::from_fd(OwnedFd::from(std_sock))?;
    /// assert_eq!((s.family(), s.ty(), s.mode()), (Family::INET, Type::STREAM, Mode::Blocking));
    /// assert!(s.accept_conn()?); // still the listener it was
    /// let file = std::fs::File::open("/proc/self/exe")?;
    /// assert_eq!(sock::errno(&Socket::from_fd(file.into()).unwrap_err()), Some(libc::ENOTSOCK));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn from_fd(fd: OwnedFd) -> stdio::Result<Socket> {
        Socket::from_fd_with(fd, None, None, None)
    }

    /// Like [`Socket::from_fd`], with any of family, type and protocol given instead of read.
    /// The fd is always checked to be a socket (`ENOTSOCK` otherwise), even when all three
    /// are given, as CPython does.
    ///
    /// ```
    /// use sock::{Family, Protocol, Socket, Type};
    /// use std::os::fd::OwnedFd;
    /// let udp = std::net::UdpSocket::bind("127.0.0.1:0")?;
    /// // The protocol is given; family and type are read from the kernel.
    /// let s = Socket::from_fd_with(OwnedFd::from(udp), None, None, Some(Protocol::UDP))?;
    /// assert_eq!((s.family(), s.ty(), s.protocol()), (Family::INET, Type::DGRAM, Protocol::UDP));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn from_fd_with(
        fd: OwnedFd,
        family: Option<Family>,
        ty: Option<Type>,
        protocol: Option<Protocol>,
    ) -> stdio::Result<Socket> {
        let probe = |name| opts::get_int_raw(fd.as_fd(), consts::SOL_SOCKET, name);
        // SO_TYPE first: it fails with ENOTSOCK on a non-socket and EBADF on a bad fd.
        let kernel_ty = Type(probe(consts::SO_TYPE)?);
        // The kernel's own domain decides whether received fds need MSG_CMSG_CLOEXEC,
        // whatever family the caller claims.
        let kernel_family = Family(probe(consts::SO_DOMAIN)?);
        let protocol = match protocol {
            Some(p) => p,
            None => Protocol(probe(consts::SO_PROTOCOL)?),
        };
        let ty = ty.unwrap_or(kernel_ty).without_flags();
        let sock = Socket::foreign(fd, family.unwrap_or(kernel_family), ty, protocol, kernel_family);
        sock.adopt_flags()?;
        Ok(sock)
    }

    /// A socket for an fd that came from outside, before [`Socket::adopt_flags`].
    pub(super) fn foreign(fd: OwnedFd, family: Family, ty: Type, protocol: Protocol, kernel_family: Family) -> Socket {
        let cmsg_cloexec = cmsg_cloexec_for(kernel_family);
        Socket { fd, family, ty, protocol, cmsg_cloexec, borrowed: false, mode: AtomicMode::new(Mode::Blocking) }
    }

    /// Makes a foreign fd close-on-exec and settles the mode: `O_NONBLOCK` is changed only
    /// when a default timeout is set (see [`Socket::from_fd`]); otherwise the mode follows the
    /// fd's current flag.
    pub(super) fn adopt_flags(&self) -> stdio::Result<()> {
        self.s2().set_cloexec(true)?;
        match default_mode() {
            Mode::Blocking if fd_is_nonblocking(self.fd.as_fd())? => self.mode.set(Mode::NonBlocking),
            Mode::Blocking => self.mode.set(Mode::Blocking),
            timeout => self.set_mode(timeout)?,
        }
        Ok(())
    }

    /// Wraps a fresh fd made by this library (`socket`, `socketpair`, `accept`) and puts it
    /// in `mode` (sets or clears `O_NONBLOCK`).
    fn with_mode(fd: OwnedFd, family: Family, ty: Type, protocol: Protocol, mode: Mode) -> stdio::Result<Socket> {
        let cmsg_cloexec = cmsg_cloexec_for(family);
        let sock = Socket { fd, family, ty, protocol, cmsg_cloexec, borrowed: false, mode: AtomicMode::new(mode) };
        sock.apply_fd_blocking(mode)?;
        Ok(sock)
    }

    /// A socket for an fd that is known to be a socket of these kinds (used by accept).
    fn adopt(&self, fd: OwnedFd) -> stdio::Result<Socket> {
        let mut sock = Socket::with_mode(fd, self.family, self.ty, self.protocol, default_mode())?;
        sock.cmsg_cloexec = self.cmsg_cloexec; // the listener's kernel domain
        Ok(sock)
    }

    /// The address family (`socket.family`).
    ///
    /// ```
    /// use sock::consts::AF_INET6;
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(AF_INET6, Type::DGRAM, None)?;
    /// assert_eq!(s.family(), Family::INET6);
    /// assert_eq!(s.family().raw(), AF_INET6);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[inline]
    pub fn family(&self) -> Family {
        self.family
    }

    /// The socket type without `SOCK_NONBLOCK`/`SOCK_CLOEXEC` (`socket.type`).
    ///
    /// ```
    /// use sock::consts::{SOCK_NONBLOCK, SOCK_STREAM};
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, SOCK_STREAM | SOCK_NONBLOCK, 0)?;
    /// assert_eq!(s.ty(), Type::STREAM); // the flag bits are not part of the type
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[inline]
    pub fn ty(&self) -> Type {
        self.ty
    }

    /// The protocol (`socket.proto`).
    ///
    /// ```
    /// use sock::consts::{AF_INET, IPPROTO_UDP, SOCK_DGRAM};
    /// use sock::{Protocol, Socket};
    /// let s = Socket::new(AF_INET, SOCK_DGRAM, IPPROTO_UDP)?;
    /// assert_eq!(s.protocol(), Protocol::UDP);
    /// assert_eq!(Socket::new(AF_INET, SOCK_DGRAM, 0)?.protocol(), Protocol::DEFAULT);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[inline]
    pub fn protocol(&self) -> Protocol {
        self.protocol
    }

    /// The raw fd (`socket.fileno()`); it stays owned by this socket.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// use std::os::fd::AsRawFd;
    /// let s = Socket::new(Family::UNIX, Type::STREAM, None)?;
    /// assert!(s.fileno() >= 0);
    /// assert_eq!(s.fileno(), s.as_raw_fd());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[inline]
    pub fn fileno(&self) -> RawFd {
        self.fd.as_raw_fd()
    }

    /// The current [`Mode`].
    ///
    /// ```
    /// use sock::{Family, Mode, Socket, Type};
    /// use std::time::Duration;
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// assert_eq!(s.mode(), Mode::Blocking);
    /// s.set_timeout(Some(Duration::from_secs(1)))?;
    /// assert_eq!(s.mode(), Mode::Timeout(Duration::from_secs(1)));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[inline]
    pub fn mode(&self) -> Mode {
        self.mode.get()
    }

    /// Sets the [`Mode`], setting or clearing `O_NONBLOCK` on the fd to match.
    ///
    /// On a [`SockRef`] this is `InvalidInput` unless the fd's flag already matches: the
    /// borrowed fd's flags belong to its owner.
    ///
    /// ```
    /// use sock::{Family, Mode, Socket, Type};
    /// let (a, _b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// a.set_mode(Mode::NonBlocking)?;
    /// assert_eq!(a.recv(&mut [0u8; 1]).unwrap_err().kind(), std::io::ErrorKind::WouldBlock);
    /// assert!(!a.blocking());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_mode(&self, mode: Mode) -> stdio::Result<()> {
        if self.borrowed && fd_is_nonblocking(self.as_fd())? != mode.fd_nonblocking() {
            return Err(borrowed_flags("set_mode"));
        }
        self.apply_fd_blocking(mode)?;
        self.mode.set(mode);
        Ok(())
    }

    fn apply_fd_blocking(&self, mode: Mode) -> stdio::Result<()> {
        self.s2().set_nonblocking(mode.fd_nonblocking())
    }

    /// socket2's view of this fd, for the calls socket2 already does well (flags, listen,
    /// shutdown, kind probing).
    #[inline]
    pub(crate) fn s2(&self) -> socket2::SockRef<'_> {
        socket2::SockRef::from(&self.fd)
    }

    /// `socket.settimeout()`: `None` blocks, zero is non-blocking, anything else is the time
    /// each call may take in all.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// use std::time::{Duration, Instant};
    /// let (a, _b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// a.set_timeout(Some(Duration::from_millis(20)))?;
    /// let start = Instant::now();
    /// let e = a.recv(&mut [0u8; 1]).unwrap_err();
    /// assert!(sock::is_timeout(&e) && start.elapsed() >= Duration::from_millis(20));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_timeout(&self, timeout: Option<Duration>) -> stdio::Result<()> {
        self.set_mode(Mode::from_timeout(timeout))
    }

    /// `socket.settimeout(seconds)` as Python writes it: seconds as a float (`None`: blocking,
    /// `0.0`: non-blocking). A negative, NaN or too large value is `InvalidInput` naming
    /// `timeout`, where CPython raises `ValueError`.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// s.set_timeout_secs(2.5)?;
    /// assert_eq!(s.timeout(), Some(std::time::Duration::from_millis(2500)));
    /// s.set_timeout_secs(None)?;
    /// assert_eq!(s.timeout(), None);
    /// assert_eq!(s.set_timeout_secs(-1.0).unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_timeout_secs(&self, seconds: impl Into<Option<f64>>) -> stdio::Result<()> {
        self.set_timeout(secs_to_timeout(seconds.into())?)
    }

    /// `socket.gettimeout()` as Python returns it: seconds as a float, `None` when blocking.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// s.set_timeout_secs(0.25)?;
    /// assert_eq!(s.timeout_secs(), Some(0.25));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn timeout_secs(&self) -> Option<f64> {
        self.timeout().map(|d| d.as_secs_f64())
    }

    /// `socket.gettimeout()`: `None` when blocking, zero when non-blocking.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// use std::time::Duration;
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// assert_eq!(s.timeout(), None); // blocking
    /// s.set_blocking(false)?;
    /// assert_eq!(s.timeout(), Some(Duration::ZERO));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn timeout(&self) -> Option<Duration> {
        self.mode().timeout()
    }

    /// `socket.setblocking(flag)`: `true` is `set_timeout(None)`, `false` is
    /// `set_timeout(Some(ZERO))`.
    ///
    /// ```
    /// use sock::{Family, Mode, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// s.set_blocking(false)?;
    /// assert_eq!(s.mode(), Mode::NonBlocking);
    /// s.set_blocking(true)?;
    /// assert_eq!(s.mode(), Mode::Blocking);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_blocking(&self, blocking: bool) -> stdio::Result<()> {
        self.set_mode(if blocking { Mode::Blocking } else { Mode::NonBlocking })
    }

    /// `socket.getblocking()`: `false` only in non-blocking mode (a timeout counts as blocking,
    /// as in CPython).
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// s.set_timeout_secs(1.0)?;
    /// assert!(s.blocking()); // a timeout counts as blocking, as in CPython
    /// s.set_timeout_secs(0.0)?;
    /// assert!(!s.blocking());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn blocking(&self) -> bool {
        self.mode() != Mode::NonBlocking
    }

    /// `socket.get_inheritable()`: whether the fd survives `exec` (it does not by default).
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// assert!(!s.inheritable()?); // close-on-exec by default
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn inheritable(&self) -> stdio::Result<bool> {
        let flags = nix::fcntl::fcntl(&self.fd, nix::fcntl::FcntlArg::F_GETFD).map_err(stdio::Error::from)?;
        Ok(!nix::fcntl::FdFlag::from_bits_retain(flags).contains(nix::fcntl::FdFlag::FD_CLOEXEC))
    }

    /// `socket.set_inheritable()`: clears or sets `FD_CLOEXEC` (`InvalidInput` on a
    /// [`SockRef`]: the borrowed fd's flags belong to its owner).
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// s.set_inheritable(true)?; // a child started with exec keeps the fd
    /// assert!(s.inheritable()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_inheritable(&self, inheritable: bool) -> stdio::Result<()> {
        if self.borrowed {
            return Err(borrowed_flags("set_inheritable"));
        }
        self.s2().set_cloexec(!inheritable)
    }

    /// `socket.dup()`: a new socket on a duplicate fd (close-on-exec) with the same family,
    /// type, protocol and mode.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// let a2 = a.dup()?;
    /// assert_ne!(a2.fileno(), a.fileno());
    /// assert!(!a2.inheritable()?);
    /// drop(a); // the duplicate keeps the connection open
    /// a2.send(b"still here")?;
    /// assert_eq!(b.recv_vec(16)?, b"still here");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn dup(&self) -> stdio::Result<Socket> {
        let fd = self.fd.try_clone()?;
        Ok(Socket {
            fd,
            family: self.family,
            ty: self.ty,
            protocol: self.protocol,
            cmsg_cloexec: self.cmsg_cloexec,
            borrowed: false,
            mode: AtomicMode::new(self.mode()),
        })
    }

    /// `socket.detach()`: gives up ownership of the fd without closing it.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// use std::os::fd::{FromRawFd, OwnedFd};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// let raw = s.detach(); // not closed: the caller owns it now
    /// // SAFETY: `raw` is an open fd that nothing else owns.
    /// let back = Socket::from_fd(unsafe { OwnedFd::from_raw_fd(raw) })?;
    /// assert_eq!(back.fileno(), raw);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn detach(self) -> RawFd {
        self.fd.into_raw_fd()
    }

    /// `socket.close()`: closes the fd and reports what `close(2)` said (dropping a socket
    /// closes it too, silently). `ECONNRESET` is not an error, as in CPython. Ownership makes a
    /// second close of the same socket impossible.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// a.close()?;
    /// assert_eq!(b.recv_vec(16)?, b""); // the peer sees end of stream
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn close(self) -> stdio::Result<()> {
        close(self.fd)
    }

    /// Borrows the fd.
    ///
    /// ```
    /// use sock::{Family, Socket, Type};
    /// use std::os::fd::AsRawFd;
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// let fd = s.as_fd();
    /// assert_eq!(fd.as_raw_fd(), s.fileno());
    /// let twin = fd.try_clone_to_owned()?; // as `dup` does
    /// assert_ne!(twin.as_raw_fd(), s.fileno());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[inline]
    pub fn as_fd(&self) -> BorrowedFd<'_> {
        self.fd.as_fd()
    }

    /// Runs `op` under this socket's mode with a fresh deadline: the call loop of every
    /// blocking operation (see [`wait::call`]). `what` names the operation in a timeout's
    /// message (`"recv: timed out"`).
    ///
    /// ```
    /// use sock::{wait::Interest, Family, Socket, Type};
    /// use std::time::Duration;
    /// let (a, _b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// a.set_timeout(Some(Duration::from_millis(10)))?;
    /// let e = a.call("my_read", Interest::Read, || a.recv_with_flags(&mut [0u8; 1], sock::MsgFlags::DONTWAIT)).unwrap_err();
    /// assert_eq!(e.to_string(), "my_read: timed out");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[inline]
    pub fn call<T>(
        &self,
        what: &'static str,
        interest: Interest,
        op: impl FnMut() -> stdio::Result<T>,
    ) -> stdio::Result<T> {
        wait::call_once(self.fd.as_fd(), || self.mode(), interest, what, op)
    }

    /// Like [`Socket::call`] for an operation made with `flags`: `MSG_DONTWAIT` makes this one
    /// call non-blocking whatever the socket's mode (it never waits on `EAGAIN`).
    ///
    /// ```
    /// use sock::consts::MSG_DONTWAIT;
    /// use sock::{wait::Interest, Family, Socket, Type};
    /// use std::time::Duration;
    /// let (a, _b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// a.set_timeout(Some(Duration::from_millis(20)))?;
    /// // A family crate's own receive call, made with the caller's flags.
    /// let recv = |flags| {
    ///     a.call_flags("my_recv", Interest::Read, flags, || {
    ///         // SAFETY: a zero-length read into no buffer.
    ///         sock::core::cvt(unsafe { libc::recv(a.fileno(), std::ptr::null_mut(), 0, flags) })
    ///     })
    /// };
    /// assert_eq!(recv(0).unwrap_err().to_string(), "my_recv: timed out"); // waited 20 ms
    /// assert_eq!(recv(MSG_DONTWAIT).unwrap_err().kind(), std::io::ErrorKind::WouldBlock); // at once
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[inline]
    pub fn call_flags<T>(
        &self,
        what: &'static str,
        interest: Interest,
        flags: c_int,
        op: impl FnMut() -> stdio::Result<T>,
    ) -> stdio::Result<T> {
        wait::call_once(self.fd.as_fd(), || self.mode_for(flags), interest, what, op)
    }

    /// The mode one call with `flags` runs in.
    #[inline]
    pub(crate) fn mode_for(&self, flags: c_int) -> Mode {
        if flags & consts::MSG_DONTWAIT != 0 {
            Mode::NonBlocking
        } else {
            self.mode()
        }
    }

    /// `MSG_CMSG_CLOEXEC` for families that can pass fds (AF_UNIX); other families' receive
    /// paths may reject unknown flags (AF_PACKET answers `EINVAL`).
    /// The flag is chosen from the kernel's `SO_DOMAIN`, never from a family the caller gave.
    #[inline]
    pub(crate) fn cloexec_flag(&self) -> c_int {
        self.cmsg_cloexec
    }

    /// Runs `op` under this socket's mode with a deadline shared by several calls.
    ///
    /// ```
    /// use sock::wait::{Deadline, Interest};
    /// use sock::{Family, MsgFlags, Socket, Type};
    /// use std::time::Duration;
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// a.set_timeout(Some(Duration::from_millis(30)))?;
    /// b.send(b"one")?;
    /// // Two receives that share the socket's one timeout (as `send_all` shares it between chunks).
    /// let mut deadline = Deadline::new();
    /// let mut recv = |buf: &mut [u8]| {
    ///     a.call_with_deadline("recv_two", Interest::Read, &mut deadline, || a.recv_with_flags(buf, MsgFlags::DONTWAIT))
    /// };
    /// assert_eq!(recv(&mut [0u8; 8])?, 3);
    /// assert!(sock::is_timeout(&recv(&mut [0u8; 8]).unwrap_err()));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[inline]
    pub fn call_with_deadline<T>(
        &self,
        what: &'static str,
        interest: Interest,
        deadline: &mut Deadline,
        op: impl FnMut() -> stdio::Result<T>,
    ) -> stdio::Result<T> {
        wait::call(self.fd.as_fd(), || self.mode(), interest, deadline, what, op)
    }

    /// [`Socket::call_with_deadline`] honouring `MSG_DONTWAIT` in `flags`.
    #[inline]
    pub(crate) fn call_flags_deadline<T>(
        &self,
        what: &'static str,
        interest: Interest,
        flags: c_int,
        deadline: &mut Deadline,
        op: impl FnMut() -> stdio::Result<T>,
    ) -> stdio::Result<T> {
        wait::call(self.fd.as_fd(), || self.mode_for(flags), interest, deadline, what, op)
    }
}

/// Reads like CPython's repr: `<Socket fd=3 family=INET type=STREAM proto=0
/// laddr=127.0.0.1:8080 raddr=127.0.0.1:40000>` (each address only when it is set; the
/// mode when not blocking).
///
/// ```
/// use sock::{Family, Socket, Type};
/// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
/// s.bind(("127.0.0.1", 0))?;
/// let text = format!("{s:?}");
/// assert!(text.starts_with(&format!("<Socket fd={} family=INET type=DGRAM proto=0 laddr=127.0.0.1:", s.fileno())), "{text}");
/// # Ok::<(), std::io::Error>(())
/// ```
impl std::fmt::Debug for Socket {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = |n: Option<&'static str>, raw: c_int| n.map(str::to_string).unwrap_or_else(|| raw.to_string());
        write!(
            f,
            "<Socket fd={} family={} type={} proto={}",
            self.fileno(),
            name(self.family.name(), self.family.0),
            name(self.ty.name(), self.ty.0),
            self.protocol.0
        )?;
        if let Ok(addr) = self.local_addr() {
            if !addr.is_empty() && addr.data().iter().any(|&b| b != 0) {
                write!(f, " laddr={addr}")?;
            }
        }
        if let Ok(addr) = self.peer_addr() {
            if !addr.is_empty() {
                write!(f, " raddr={addr}")?;
            }
        }
        match self.mode() {
            Mode::Blocking => {}
            Mode::NonBlocking => f.write_str(" nonblocking")?,
            Mode::Timeout(t) => write!(f, " timeout={}", t.as_secs_f64())?,
        }
        f.write_str(">")
    }
}

/// `socket.close(fd)`: closes an fd, reporting what `close(2)` said; `ECONNRESET` is ignored
/// as in CPython. `close(2)` is not retried on `EINTR` (the fd is gone either way on Linux).
///
/// ```
/// use std::os::fd::OwnedFd;
/// let udp = std::net::UdpSocket::bind("127.0.0.1:0")?;
/// sock::close(OwnedFd::from(udp))?; // close(2)'s own error would come back here
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn close(fd: OwnedFd) -> stdio::Result<()> {
    let raw = fd.into_raw_fd();
    // SAFETY: `raw` came from an `OwnedFd` we consumed, so we are its only owner and it is
    // closed exactly once here.
    let rc = unsafe { libc::close(raw) };
    if rc == -1 {
        let err = stdio::Error::last_os_error();
        if err.raw_os_error() != Some(libc::ECONNRESET) && err.kind() != stdio::ErrorKind::Interrupted {
            return Err(err);
        }
    }
    Ok(())
}

/// `socket.fromfd(fd, family, type, proto)`: a socket on a *duplicate* of `fd` (the original
/// stays open and owned by the caller, and keeps its flags: see [`Socket::from_fd`]). Family,
/// type and protocol left `None` are read from the kernel, as `socket.socket(fileno=)` does;
/// the fd is checked to be a socket in any case.
///
/// Any open fd can be passed: a `&TcpStream`, a `&tokio::net::UdpSocket`, or a raw fd
/// through [`BorrowedFd::borrow_raw`].
///
/// Errors: a non-socket is `ENOTSOCK`.
///
/// ```
/// use sock::{fromfd, Socket, Family, Type};
/// let std_sock = std::net::UdpSocket::bind("127.0.0.1:0")?;
/// let s = fromfd(&std_sock, None, None, None)?;
/// assert_eq!((s.family(), s.ty()), (Family::INET, Type::DGRAM));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn fromfd(
    fd: impl AsFd,
    family: Option<Family>,
    ty: Option<Type>,
    protocol: Option<Protocol>,
) -> stdio::Result<Socket> {
    let owned = fd.as_fd().try_clone_to_owned()?;
    Socket::from_fd_with(owned, family, ty, protocol)
}

/// The error of a failed `socket()`/`socketpair()`: names the family, type and protocol, and
/// for a family or protocol the kernel lacks, the module that provides it.
#[cold]
fn creation_error(
    err: stdio::Error,
    op: &'static str,
    family: Family,
    ty: Type,
    protocol: Option<Protocol>,
) -> stdio::Error {
    let protocol = protocol.unwrap_or(Protocol::DEFAULT);
    let target = format!("{}/{}/{}", crate::family_name(family), type_name(ty), protocol.0);
    match crate::modules::creation_hint(&err, family, ty, protocol) {
        Some(hint) => crate::context_with_hint(err, op, target, hint),
        None => crate::context(err, op, target),
    }
}

/// `SOCK_STREAM`..., or the number.
fn type_name(ty: Type) -> String {
    match ty.without_flags().name() {
        Some(n) => format!("SOCK_{n}"),
        None => format!("type {}", ty.0),
    }
}

/// Seconds as Python gives them to `settimeout`, checked.
pub(crate) fn secs_to_timeout(seconds: Option<f64>) -> stdio::Result<Option<Duration>> {
    match seconds {
        None => Ok(None),
        Some(s) if s.is_nan() || s < 0.0 => Err(crate::invalid_input("timeout", "Timeout value out of range")),
        Some(s) => Duration::try_from_secs_f64(s)
            .map(Some)
            .map_err(|_| crate::invalid_input("timeout", "Timeout value out of range")),
    }
}

/// The error of a flag change asked of a [`SockRef`].
fn borrowed_flags(op: &str) -> stdio::Error {
    crate::invalid_input(op, "the flags of a borrowed fd (SockRef) belong to its owner and are not changed")
}

/// Whether `O_NONBLOCK` is set on `fd`'s open file description.
fn fd_is_nonblocking(fd: BorrowedFd<'_>) -> stdio::Result<bool> {
    socket2::SockRef::from(&fd).nonblocking()
}

/// The receive flag that makes passed fds close-on-exec, for a socket of the kernel domain
/// `family` (only AF_UNIX passes fds, and AF_PACKET and others refuse the flag with `EINVAL`).
fn cmsg_cloexec_for(family: Family) -> c_int {
    if family == Family::UNIX {
        consts::MSG_CMSG_CLOEXEC
    } else {
        0
    }
}

/// `socket.has_ipv6`: whether this system can create IPv6 sockets.
///
/// ```
/// use sock::{Family, Socket, Type};
/// if sock::has_ipv6() {
///     let s = Socket::new(Family::INET6, Type::DGRAM, None)?;
///     assert_eq!(s.family(), Family::INET6);
/// }
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn has_ipv6() -> bool {
    socket2::Socket::new(socket2::Domain::IPV6, socket2::Type::DGRAM, None).is_ok()
}
