//! `AF_UNIX` on async-io (smol; feature `async-io`): the runtime's [`AsyncSocket`] and the
//! [`AsyncUnixExt`] methods. From and to async-io's `Async<std::os::unix::net::UnixStream>`:
//! through the std type, `AsyncSocket::new(Socket::from_fd(OwnedFd::from(s.into_inner()?))?)`
//! and `async_io::Async::new(sock.into_inner()?.into_unix_stream()?)`.

use std::io;

pub use sock_core::async_io::{AsyncSocket, Interest, Reactor};

pub use crate::aio::AsyncUnixExt;

/// [`socketpair`](crate::socketpair) registered with async-io: two connected `SOCK_STREAM`
/// sockets.
pub fn socketpair() -> io::Result<(AsyncSocket, AsyncSocket)> {
    let (a, b) = crate::socketpair()?;
    Ok((AsyncSocket::new(a)?, AsyncSocket::new(b)?))
}
