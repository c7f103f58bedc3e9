//! The async items of this crate on tokio (feature `tokio`): [`create_connection`] with
//! `tokio::time` as its timer, [`create_server`], [`rds_socket`], the [`AsyncInetExt`]
//! methods, and conversions with `tokio::net::{TcpStream, TcpListener, UdpSocket}`.
//!
//! The conversions go through the std types and move the fd (no syscall beyond
//! deregistering and registering): `tokio::net::TcpStream::into_std` /
//! `from_std` on tokio's side, [`Socket::from_fd`] / `OwnedFd::from(Socket)` on ours. Done by
//! hand it reads `AsyncSocket::new(Socket::from_fd(OwnedFd::from(tcp.into_std()?))?)` one way
//! and `TcpStream::from_std(std::net::TcpStream::from(OwnedFd::from(sock.into_inner()?)))` the
//! other; the functions below do that and check the family and type on the way out. (A
//! `From` impl is not possible: both types are foreign to this crate.)

use std::io;
use std::os::fd::OwnedFd;
use std::time::Duration;

pub use sock_core::tokio::{AsyncSocket, Interest, Reactor};
use sock_core::{invalid_input, Family, Socket, Type};

pub use crate::aio::{AsyncInetExt, GroMsg};

/// [`AsyncGsoSender`](crate::aio::AsyncGsoSender) on this runtime: UDP GSO with a probe
/// once and the plain-send fallback.
pub type GsoSender = crate::aio::AsyncGsoSender<Reactor<sock_core::Socket>>;
use crate::{ConnectOptions, ServerOptions};

/// [`crate::aio::create_connection`] on tokio, whose deadline (`options.timeout`) is a
/// `tokio::time::sleep`: the runtime needs its time driver (`#[tokio::main]` and
/// `#[tokio::test]` have it; a hand-built runtime needs `enable_time`/`enable_all`).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use std::time::Duration;
/// use sock::inet::{ConnectOptions, ServerOptions};
/// let server = sock::inet::tokio::create_server(("127.0.0.1", 0), &ServerOptions::new())?;
/// let port = sock::inet::decode(&server.socket().local_addr()?)?.port();
/// let options = ConnectOptions::new().timeout(Some(Duration::from_secs(5)));
/// let client = sock::inet::tokio::create_connection(("127.0.0.1", port), &options).await?;
/// let (conn, _peer) = server.accept().await?;
/// client.send_all(b"hi").await?;
/// let mut buf = [0u8; 2];
/// assert_eq!(conn.recv(&mut buf).await?, 2);
/// # Ok(())
/// # }
/// ```
///
/// # Cancel safety
///
/// Not cancel safe: a dropped future closes the attempt under way.
pub async fn create_connection(address: (&str, u16), options: &ConnectOptions<'_>) -> io::Result<AsyncSocket> {
    crate::aio::create_connection::<Reactor<Socket>, _, _>(address, options, ::tokio::time::sleep).await
}

/// [`crate::aio::create_server`] on tokio: a bound, listening, registered socket.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use sock::inet::ServerOptions;
/// let server = sock::inet::tokio::create_server(("127.0.0.1", 0), &ServerOptions::new())?;
/// let port = server.socket().local_addr()?.as_socket().unwrap().port();
/// let client = tokio::net::TcpStream::connect(("127.0.0.1", port)).await?;
/// let (_conn, peer) = server.accept().await?;
/// assert_eq!(peer.as_socket(), Some(client.local_addr()?));
/// # Ok(())
/// # }
/// ```
pub fn create_server(address: (&str, u16), options: &ServerOptions) -> io::Result<AsyncSocket> {
    crate::aio::create_server(address, options)
}

/// [`rds_socket`](crate::rds_socket) registered with tokio: send with
/// [`send_to`](sock_core::aio::Async::send_to), receive with
/// [`recv_from_inet`](AsyncInetExt::recv_from_inet).
///
/// ```no_run
/// // no_run: the host running the doctests may lack the rds module.
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// let s = sock::inet::tokio::rds_socket()?;
/// s.socket().bind(("127.0.0.1", 4000))?;
/// s.send_to(b"hello", ("127.0.0.1", 4001)).await?;
/// # Ok(())
/// # }
/// ```
pub fn rds_socket() -> io::Result<AsyncSocket> {
    AsyncSocket::new(crate::rds_socket()?)
}

/// The fd of an INET/INET6 async socket of type `ty`, deregistered; `InvalidInput` otherwise.
fn into_fd(sock: AsyncSocket, ty: Type) -> io::Result<OwnedFd> {
    let s = sock.socket();
    if !matches!(s.family(), Family::INET | Family::INET6) || s.ty() != ty {
        return Err(invalid_input("socket", "not an AF_INET/AF_INET6 socket of the required type"));
    }
    Ok(OwnedFd::from(sock.into_inner()?))
}

/// An [`AsyncSocket`] from tokio's `TcpStream` (inside a tokio runtime).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
/// let stream = tokio::net::TcpStream::connect(listener.local_addr()?).await?;
/// let sock = sock::inet::tokio::from_tcp_stream(stream)?;
/// sock.send_all(b"hi").await?;
/// let (peer, _) = listener.accept().await?;
/// let mut buf = [0u8; 2];
/// peer.readable().await?;
/// assert_eq!(peer.try_read(&mut buf)?, 2);
/// assert_eq!(&buf, b"hi");
/// # Ok(())
/// # }
/// ```
pub fn from_tcp_stream(stream: ::tokio::net::TcpStream) -> io::Result<AsyncSocket> {
    AsyncSocket::new(Socket::from_fd(OwnedFd::from(stream.into_std()?))?)
}

/// tokio's `TcpStream` from a connected [`AsyncSocket`]; `InvalidInput` (the socket is
/// closed) unless it is an INET/INET6 `SOCK_STREAM` socket.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use sock::inet::{tokio::{create_connection, create_server, into_tcp_stream}, ConnectOptions, ServerOptions};
/// let server = create_server(("127.0.0.1", 0), &ServerOptions::new())?;
/// let port = server.socket().local_addr()?.as_socket().unwrap().port();
/// let client = create_connection(("127.0.0.1", port), &ConnectOptions::new()).await?;
/// let stream: tokio::net::TcpStream = into_tcp_stream(client)?;
/// assert_eq!(stream.peer_addr()?.port(), port);
/// # Ok(())
/// # }
/// ```
pub fn into_tcp_stream(sock: AsyncSocket) -> io::Result<::tokio::net::TcpStream> {
    ::tokio::net::TcpStream::from_std(std::net::TcpStream::from(into_fd(sock, Type::STREAM)?))
}

/// An [`AsyncSocket`] from tokio's `TcpListener`.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
/// let addr = listener.local_addr()?;
/// let server = sock::inet::tokio::from_tcp_listener(listener)?;
/// let _client = tokio::net::TcpStream::connect(addr).await?;
/// let (_conn, _peer) = server.accept().await?;
/// # Ok(())
/// # }
/// ```
pub fn from_tcp_listener(listener: ::tokio::net::TcpListener) -> io::Result<AsyncSocket> {
    AsyncSocket::new(Socket::from_fd(OwnedFd::from(listener.into_std()?))?)
}

/// tokio's `TcpListener` from a listening [`AsyncSocket`]; `InvalidInput` (the socket is
/// closed) unless it is an INET/INET6 `SOCK_STREAM` socket.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// let server = sock::inet::tokio::create_server(("127.0.0.1", 0), &sock::inet::ServerOptions::new())?;
/// let listener = sock::inet::tokio::into_tcp_listener(server)?;
/// let _client = tokio::net::TcpStream::connect(listener.local_addr()?).await?;
/// let (_stream, _peer) = listener.accept().await?;
/// # Ok(())
/// # }
/// ```
pub fn into_tcp_listener(sock: AsyncSocket) -> io::Result<::tokio::net::TcpListener> {
    ::tokio::net::TcpListener::from_std(std::net::TcpListener::from(into_fd(sock, Type::STREAM)?))
}

/// An [`AsyncSocket`] from tokio's `UdpSocket`.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// let udp = tokio::net::UdpSocket::bind("127.0.0.1:0").await?;
/// let addr = udp.local_addr()?;
/// let sock = sock::inet::tokio::from_udp_socket(udp)?;
/// sock.send_to(b"me", addr).await?;
/// let mut buf = [0u8; 2];
/// assert_eq!(sock.recv(&mut buf).await?, 2);
/// # Ok(())
/// # }
/// ```
pub fn from_udp_socket(socket: ::tokio::net::UdpSocket) -> io::Result<AsyncSocket> {
    AsyncSocket::new(Socket::from_fd(OwnedFd::from(socket.into_std()?))?)
}

/// tokio's `UdpSocket` from an [`AsyncSocket`]; `InvalidInput` (the socket is closed)
/// unless it is an INET/INET6 `SOCK_DGRAM` socket.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use sock::{Family, Socket, Type};
/// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
/// s.bind(("127.0.0.1", 0))?;
/// let udp = sock::inet::tokio::into_udp_socket(sock::inet::tokio::AsyncSocket::new(s)?)?;
/// udp.send_to(b"me", udp.local_addr()?).await?;
/// let mut buf = [0u8; 2];
/// assert_eq!(udp.recv(&mut buf).await?, 2);
/// let tcp = Socket::new(Family::INET, Type::STREAM, None)?;
/// let wrong = sock::inet::tokio::into_udp_socket(sock::inet::tokio::AsyncSocket::new(tcp)?).unwrap_err();
/// assert_eq!(wrong.kind(), std::io::ErrorKind::InvalidInput);
/// # Ok(())
/// # }
/// ```
pub fn into_udp_socket(sock: AsyncSocket) -> io::Result<::tokio::net::UdpSocket> {
    ::tokio::net::UdpSocket::from_std(std::net::UdpSocket::from(into_fd(sock, Type::DGRAM)?))
}

/// A `tokio::time::sleep` of `d`, as the `sleep` argument of the generic
/// [`crate::aio::create_connection`] (for callers that pick the reactor themselves).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// let start = std::time::Instant::now();
/// sock::inet::tokio::sleep(std::time::Duration::from_millis(5)).await;
/// assert!(start.elapsed() >= std::time::Duration::from_millis(5));
/// # Ok(())
/// # }
/// ```
pub fn sleep(d: Duration) -> ::tokio::time::Sleep {
    ::tokio::time::sleep(d)
}
