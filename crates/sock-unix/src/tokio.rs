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
pub fn socketpair() -> io::Result<(AsyncSocket, AsyncSocket)> {
    let (a, b) = crate::socketpair()?;
    Ok((AsyncSocket::new(a)?, AsyncSocket::new(b)?))
}

/// An [`AsyncSocket`] from tokio's `UnixStream`.
pub fn from_unix_stream(stream: ::tokio::net::UnixStream) -> io::Result<AsyncSocket> {
    AsyncSocket::new(Socket::from_fd(OwnedFd::from(stream.into_std()?))?)
}

/// tokio's `UnixStream` from an `AF_UNIX`/`SOCK_STREAM` [`AsyncSocket`] (`InvalidInput`,
/// and the socket closed, otherwise).
pub fn into_unix_stream(sock: AsyncSocket) -> io::Result<::tokio::net::UnixStream> {
    ::tokio::net::UnixStream::from_std(sock.into_inner()?.into_unix_stream()?)
}

/// An [`AsyncSocket`] from tokio's `UnixListener`.
pub fn from_unix_listener(listener: ::tokio::net::UnixListener) -> io::Result<AsyncSocket> {
    AsyncSocket::new(Socket::from_fd(OwnedFd::from(listener.into_std()?))?)
}

/// tokio's `UnixListener` from a listening `AF_UNIX`/`SOCK_STREAM` [`AsyncSocket`]
/// (`InvalidInput`, and the socket closed, otherwise).
pub fn into_unix_listener(sock: AsyncSocket) -> io::Result<::tokio::net::UnixListener> {
    ::tokio::net::UnixListener::from_std(sock.into_inner()?.into_unix_listener()?)
}

/// An [`AsyncSocket`] from tokio's `UnixDatagram`.
pub fn from_unix_datagram(socket: ::tokio::net::UnixDatagram) -> io::Result<AsyncSocket> {
    AsyncSocket::new(Socket::from_fd(OwnedFd::from(socket.into_std()?))?)
}

/// tokio's `UnixDatagram` from an `AF_UNIX`/`SOCK_DGRAM` [`AsyncSocket`] (`InvalidInput`,
/// and the socket closed, otherwise).
pub fn into_unix_datagram(sock: AsyncSocket) -> io::Result<::tokio::net::UnixDatagram> {
    ::tokio::net::UnixDatagram::from_std(sock.into_inner()?.into_unix_datagram()?)
}
