//! `AF_UNIX` on async-io (smol; feature `async-io`): the runtime's [`AsyncSocket`] and the
//! [`AsyncUnixExt`] methods. From and to async-io's `Async<std::os::unix::net::UnixStream>`:
//! through the std type, `AsyncSocket::new(Socket::from_fd(OwnedFd::from(s.into_inner()?))?)`
//! and `async_io::Async::new(sock.into_inner()?.into_unix_stream()?)`.

use std::io;

pub use sock_core::async_io::{AsyncSocket, Interest, Reactor};

pub use crate::aio::AsyncUnixExt;

/// [`socketpair`](crate::socketpair) registered with async-io: two connected `SOCK_STREAM`
/// sockets.
///
/// ```
/// async_io::block_on(async {
///     let (a, b) = sock::unix::async_io::socketpair()?;
///     a.send_all(b"ping").await?;
///     let mut buf = [0u8; 4];
///     assert_eq!(b.recv(&mut buf).await?, 4);
///     assert_eq!(&buf, b"ping");
///     Ok::<(), std::io::Error>(())
/// })?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn socketpair() -> io::Result<(AsyncSocket, AsyncSocket)> {
    let (a, b) = crate::socketpair()?;
    Ok((AsyncSocket::new(a)?, AsyncSocket::new(b)?))
}
