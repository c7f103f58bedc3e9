//! `socketpair()` with CPython's defaults.

use std::io;

use sock_core::{Family, Socket, Type};

/// `socket.socketpair()`: a connected pair of `AF_UNIX`/`SOCK_STREAM` sockets (close-on-exec,
/// in the default timeout). Use [`socketpair_with`] for `SOCK_DGRAM` or `SOCK_SEQPACKET`,
/// and `Socket::pair` for other families.
///
/// ```
/// let (a, b) = sock::unix::socketpair()?;
/// a.send_all(b"hi")?;
/// assert_eq!(b.recv_vec(8)?, b"hi");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn socketpair() -> io::Result<(Socket, Socket)> {
    socketpair_with(Type::STREAM)
}

/// `socket.socketpair(AF_UNIX, ty)`: a connected `AF_UNIX` pair of type `ty`
/// (`Type::STREAM`, `Type::DGRAM` or `Type::SEQPACKET`, optionally with `SOCK_NONBLOCK`).
///
/// ```
/// use sock::Type;
/// let (a, b) = sock::unix::socketpair_with(Type::SEQPACKET)?;
/// a.send(b"one")?;
/// a.send(b"two")?;
/// assert_eq!(b.recv_vec(8)?, b"one");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn socketpair_with(ty: Type) -> io::Result<(Socket, Socket)> {
    Socket::pair(Family::UNIX, ty, None)
}
