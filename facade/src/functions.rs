//! The module-level functions of CPython's `socket` module that belong to no single family.

use std::io;
use std::time::Duration;

use sock_core::{Family, Protocol, Socket, Type};

/// `socket.socket(family, type, proto)`: a new socket (close-on-exec, in the default timeout).
///
/// ```
/// let s = sock::socket(sock::Family::INET, sock::Type::STREAM, None)?;
/// assert_eq!(s.ty(), sock::Type::STREAM);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn socket(family: Family, ty: Type, protocol: Option<Protocol>) -> io::Result<Socket> {
    Socket::new(family, ty, protocol)
}

/// `socket.socketpair()`: a connected pair of `AF_UNIX` stream sockets. For another family or
/// type use [`Socket::pair`].
pub fn socketpair() -> io::Result<(Socket, Socket)> {
    Socket::pair(Family::UNIX, Type::STREAM, None)
}

/// `socket.getdefaulttimeout()`: the timeout new sockets start with (`None`: blocking).
pub fn getdefaulttimeout() -> Option<Duration> {
    sock_core::default_timeout()
}

/// `socket.setdefaulttimeout(timeout)`: the timeout sockets created or accepted from now on
/// start with; `None` blocks, zero is non-blocking.
pub fn setdefaulttimeout(timeout: Option<Duration>) {
    sock_core::set_default_timeout(timeout)
}
