//! The module-level functions of CPython's `socket` module that belong to no single family.

use std::io;
use std::time::Duration;

use sock_core::{Family, IntoProtocol, Socket, Type};

/// `socket.socket(family, type, proto)`: a new socket (close-on-exec, in the default timeout).
/// Each argument takes the typed value or CPython's integer constant (see [`Socket::new`]).
///
/// ```
/// use sock::consts::{AF_INET, SOCK_STREAM};
/// let s = sock::socket(AF_INET, SOCK_STREAM, 0)?;
/// assert_eq!(s.ty(), sock::Type::STREAM);
/// let t = sock::socket(sock::Family::INET6, sock::Type::DGRAM, None)?;
/// assert_eq!(t.family(), sock::Family::INET6);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn socket(family: impl Into<Family>, ty: impl Into<Type>, protocol: impl IntoProtocol) -> io::Result<Socket> {
    Socket::new(family, ty, protocol)
}

/// `socket.socketpair()`: a connected pair of `AF_UNIX` stream sockets. For another family or
/// type use [`Socket::pair`].
///
/// ```
/// let (a, b) = sock::socketpair()?;
/// a.send_all(b"ping")?;
/// assert_eq!(b.recv_vec(4)?, b"ping");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn socketpair() -> io::Result<(Socket, Socket)> {
    Socket::pair(Family::UNIX, Type::STREAM, None)
}

/// `socket.getdefaulttimeout()`: the timeout new sockets start with (`None`: blocking).
///
/// ```
/// assert_eq!(sock::getdefaulttimeout(), None);
/// ```
pub fn getdefaulttimeout() -> Option<Duration> {
    sock_core::default_timeout()
}

/// `socket.setdefaulttimeout(timeout)`: the timeout sockets created or accepted from now on
/// start with; `None` blocks, zero is non-blocking. (Seconds as a float:
/// [`setdefaulttimeout_secs`].)
///
/// ```
/// use std::time::Duration;
/// sock::setdefaulttimeout(Some(Duration::from_secs(5)));
/// let s = sock::socket(sock::Family::INET, sock::Type::STREAM, None)?;
/// assert_eq!(s.timeout(), Some(Duration::from_secs(5)));
/// sock::setdefaulttimeout(None);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn setdefaulttimeout(timeout: Option<Duration>) {
    sock_core::set_default_timeout(timeout)
}

/// `socket.setdefaulttimeout(seconds)` as Python writes it: seconds as a float, `None` to
/// block. A negative or NaN value is `InvalidInput` naming `timeout` (CPython's `ValueError`).
///
/// ```
/// sock::setdefaulttimeout_secs(1.5)?;
/// assert_eq!(sock::getdefaulttimeout(), Some(std::time::Duration::from_millis(1500)));
/// sock::setdefaulttimeout_secs(None)?;
/// assert!(sock::setdefaulttimeout_secs(-1.0).is_err());
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn setdefaulttimeout_secs(seconds: impl Into<Option<f64>>) -> io::Result<()> {
    sock_core::set_default_timeout_secs(seconds)
}
