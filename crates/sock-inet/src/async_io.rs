//! The async items of this crate on async-io (smol; feature `async-io`):
//! [`create_connection`] with `async_io::Timer` as its timer, [`create_server`],
//! [`rds_socket`] and the [`AsyncInetExt`] methods.
//!
//! From and to async-io's own `Async<std::net::TcpStream>`: through the std type and the fd,
//! `AsyncSocket::new(Socket::from_fd(OwnedFd::from(stream.into_inner()?))?)` and
//! `async_io::Async::new(std::net::TcpStream::from(OwnedFd::from(sock.into_inner()?)))`.

use std::io;
use std::time::Duration;

pub use sock_core::async_io::{AsyncSocket, Interest, Reactor};
use sock_core::Socket;

pub use crate::aio::{AsyncInetExt, GroMsg};

/// [`AsyncGsoSender`](crate::aio::AsyncGsoSender) on this runtime: UDP GSO with a probe
/// once and the plain-send fallback.
pub type GsoSender = crate::aio::AsyncGsoSender<Reactor<sock_core::Socket>>;
use crate::{ConnectOptions, ServerOptions};

/// [`crate::aio::create_connection`] on async-io, whose deadline (`options.timeout`) is an
/// `async_io::Timer`.
///
/// ```
/// use sock::inet::{ConnectOptions, ServerOptions};
/// async_io::block_on(async {
///     let server = sock::inet::async_io::create_server(("127.0.0.1", 0), &ServerOptions::new())?;
///     let port = sock::inet::decode(&server.socket().local_addr()?)?.port();
///     let client = sock::inet::async_io::create_connection(("127.0.0.1", port), &ConnectOptions::new()).await?;
///     let (conn, _peer) = server.accept().await?;
///     client.send_all(b"hi").await?;
///     let mut buf = [0u8; 2];
///     assert_eq!(conn.recv(&mut buf).await?, 2);
///     Ok::<(), std::io::Error>(())
/// })?;
/// # Ok::<(), std::io::Error>(())
/// ```
///
/// # Cancel safety
///
/// Not cancel safe: a dropped future closes the attempt under way.
pub async fn create_connection(address: (&str, u16), options: &ConnectOptions<'_>) -> io::Result<AsyncSocket> {
    crate::aio::create_connection::<Reactor<Socket>, _, _>(address, options, sleep).await
}

/// [`crate::aio::create_server`] on async-io: a bound, listening, registered socket.
///
/// ```
/// use sock::inet::ServerOptions;
/// async_io::block_on(async {
///     let server = sock::inet::async_io::create_server(("127.0.0.1", 0), &ServerOptions::new())?;
///     assert_ne!(server.socket().local_addr()?.as_socket().unwrap().port(), 0);
///     Ok::<(), std::io::Error>(())
/// })?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn create_server(address: (&str, u16), options: &ServerOptions) -> io::Result<AsyncSocket> {
    crate::aio::create_server(address, options)
}

/// [`rds_socket`](crate::rds_socket) registered with async-io.
///
/// ```no_run
/// // no_run: the host running the doctests may lack the rds module.
/// let s = sock::inet::async_io::rds_socket()?;
/// s.socket().bind(("127.0.0.1", 4000))?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn rds_socket() -> io::Result<AsyncSocket> {
    AsyncSocket::new(crate::rds_socket()?)
}

/// An `async_io::Timer` of `d` as a `()` future: the `sleep` argument of the generic
/// [`crate::aio::create_connection`].
///
/// ```
/// use std::time::{Duration, Instant};
/// let start = Instant::now();
/// async_io::block_on(sock::inet::async_io::sleep(Duration::from_millis(5)));
/// assert!(start.elapsed() >= Duration::from_millis(5));
/// ```
pub async fn sleep(d: Duration) {
    ::async_io::Timer::after(d).await;
}
