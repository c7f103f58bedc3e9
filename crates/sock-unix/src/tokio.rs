//! `AF_UNIX` on tokio (feature `tokio`): the runtime's [`AsyncSocket`], the
//! [`AsyncUnixExt`] methods, and conversions with `tokio::net::{UnixStream, UnixListener,
//! UnixDatagram}`.
//!
//! The conversions move the fd through the std types (tokio's `into_std`/`from_std`, then
//! [`Socket::from_fd`] or [`UnixSocketExt::into_unix_stream`] & co.): by hand,
//! `AsyncSocket::new(Socket::from_fd(OwnedFd::from(stream.into_std()?))?)` one way and
//! `UnixStream::from_std(sock.into_inner()?.into_unix_stream()?)` the other. (A `From` impl
//! is not possible: both types are foreign to this crate.) SOCK_SEQPACKET has no tokio type.

use std::io;
use std::os::fd::OwnedFd;

pub use sock_core::tokio::{AsyncSocket, Interest, Reactor};
use sock_core::Socket;

pub use crate::aio::AsyncUnixExt;
use crate::UnixSocketExt;

/// [`socketpair`](crate::socketpair) registered with tokio (inside a runtime): two
/// connected `SOCK_STREAM` sockets.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// let (a, b) = sock::unix::tokio::socketpair()?;
/// a.send_all(b"ping").await?;
/// let mut buf = [0u8; 4];
/// assert_eq!(b.recv(&mut buf).await?, 4);
/// # Ok(())
/// # }
/// ```
pub fn socketpair() -> io::Result<(AsyncSocket, AsyncSocket)> {
    let (a, b) = crate::socketpair()?;
    Ok((AsyncSocket::new(a)?, AsyncSocket::new(b)?))
}

/// An [`AsyncSocket`] from tokio's `UnixStream`.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use sock::unix::UnixSocketExt;
/// let (a, _b) = tokio::net::UnixStream::pair()?;
/// let a = sock::unix::tokio::from_unix_stream(a)?;
/// assert!(a.socket().local_unix_addr()?.is_unnamed());
/// assert_eq!(a.socket().ty(), sock::Type::STREAM);
/// # Ok(())
/// # }
/// ```
pub fn from_unix_stream(stream: ::tokio::net::UnixStream) -> io::Result<AsyncSocket> {
    AsyncSocket::new(Socket::from_fd(OwnedFd::from(stream.into_std()?))?)
}

/// tokio's `UnixStream` from an `AF_UNIX`/`SOCK_STREAM` [`AsyncSocket`] (`InvalidInput`,
/// and the socket closed, otherwise).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// let (a, b) = sock::unix::tokio::socketpair()?;
/// let a: tokio::net::UnixStream = sock::unix::tokio::into_unix_stream(a)?;
/// a.writable().await?;
/// assert_eq!(a.try_write(b"from tokio")?, 10);
/// let mut buf = [0u8; 10];
/// assert_eq!(b.recv(&mut buf).await?, 10);
/// assert_eq!(&buf, b"from tokio");
/// # Ok(())
/// # }
/// ```
pub fn into_unix_stream(sock: AsyncSocket) -> io::Result<::tokio::net::UnixStream> {
    ::tokio::net::UnixStream::from_std(sock.into_inner()?.into_unix_stream()?)
}

/// An [`AsyncSocket`] from tokio's `UnixListener`.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// let path = std::env::temp_dir().join(format!("sock-unix-doc-from-listener-{}", std::process::id()));
/// let listener = sock::unix::tokio::from_unix_listener(tokio::net::UnixListener::bind(&path)?)?;
/// let _client = tokio::net::UnixStream::connect(&path).await?;
/// let (_conn, _peer) = listener.accept().await?;
/// assert!(listener.socket().accept_conn()?);
/// std::fs::remove_file(&path)?;
/// # Ok(())
/// # }
/// ```
pub fn from_unix_listener(listener: ::tokio::net::UnixListener) -> io::Result<AsyncSocket> {
    AsyncSocket::new(Socket::from_fd(OwnedFd::from(listener.into_std()?))?)
}

/// tokio's `UnixListener` from a listening `AF_UNIX`/`SOCK_STREAM` [`AsyncSocket`]
/// (`InvalidInput`, and the socket closed, otherwise).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use sock::{Family, Socket, Type};
/// let name = format!("\0sock-unix-doc-into-listener-{}", std::process::id());
/// let s = Socket::new(Family::UNIX, Type::STREAM, None)?;
/// s.bind(name.as_bytes())?;
/// s.listen(None)?;
/// let listener = sock::unix::tokio::into_unix_listener(sock::unix::tokio::AsyncSocket::new(s)?)?;
/// let client = Socket::new(Family::UNIX, Type::STREAM, None)?;
/// client.connect(name.as_bytes())?;
/// assert!(listener.accept().await.is_ok());
/// # Ok(())
/// # }
/// ```
pub fn into_unix_listener(sock: AsyncSocket) -> io::Result<::tokio::net::UnixListener> {
    ::tokio::net::UnixListener::from_std(sock.into_inner()?.into_unix_listener()?)
}

/// An [`AsyncSocket`] from tokio's `UnixDatagram`.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// let (a, b) = tokio::net::UnixDatagram::pair()?;
/// let b = sock::unix::tokio::from_unix_datagram(b)?;
/// a.send(b"dgram").await?;
/// let mut buf = [0u8; 8];
/// assert_eq!(b.recv(&mut buf).await?, 5);
/// assert_eq!(b.socket().ty(), sock::Type::DGRAM);
/// # Ok(())
/// # }
/// ```
pub fn from_unix_datagram(socket: ::tokio::net::UnixDatagram) -> io::Result<AsyncSocket> {
    AsyncSocket::new(Socket::from_fd(OwnedFd::from(socket.into_std()?))?)
}

/// tokio's `UnixDatagram` from an `AF_UNIX`/`SOCK_DGRAM` [`AsyncSocket`] (`InvalidInput`,
/// and the socket closed, otherwise).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use sock::unix::tokio::{into_unix_datagram, socketpair, AsyncSocket};
/// let (a, b) = sock::unix::socketpair_with(sock::Type::DGRAM)?;
/// let a = into_unix_datagram(AsyncSocket::new(a)?)?;
/// a.send(b"tokio").await?;
/// assert_eq!(b.recv_vec(8)?, b"tokio");
/// // A stream socket is not a datagram socket:
/// assert_eq!(into_unix_datagram(socketpair()?.0).unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
/// # Ok(())
/// # }
/// ```
pub fn into_unix_datagram(sock: AsyncSocket) -> io::Result<::tokio::net::UnixDatagram> {
    ::tokio::net::UnixDatagram::from_std(sock.into_inner()?.into_unix_datagram()?)
}
