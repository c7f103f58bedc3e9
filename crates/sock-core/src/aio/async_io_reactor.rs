//! async-io's reactor for [`Async`] (smol and friends): an `async_io::Async`, plus
//! futures-io's `AsyncRead`/`AsyncWrite` for stream sockets and their split halves.

use std::io;
use std::os::fd::AsFd;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

use futures_io::{AsyncRead, AsyncWrite};

use super::{AcceptReactor, Async, Reactor, ReadHalf, Through, WriteHalf};
use crate::family::SocketOwner;
use crate::socket::Socket;
use crate::wait::Interest;

/// A socket registered with async-io's reactor (the `R` of [`Async`] in
/// [`sock::async_io`](crate::async_io)).
///
/// ```
/// use sock::{aio::Async, async_io::Reactor, Family, Socket, Type};
/// async_io::block_on(async {
///     // `sock::async_io::AsyncSocket` is this type:
///     let s: Async<Socket, Reactor<Socket>> = sock::async_io::AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
///     assert_eq!(s.socket().family(), Family::INET);
///     Ok::<(), std::io::Error>(())
/// })?;
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct AsyncIoReactor<T: AsFd>(async_io::Async<T>);

impl<T: AsFd> Reactor<T> for AsyncIoReactor<T> {
    fn register(io: T) -> io::Result<Self>
    where
        T: SocketOwner,
    {
        async_io::Async::new(io).map(AsyncIoReactor)
    }

    fn get_ref(&self) -> &T {
        self.0.get_ref()
    }

    fn into_inner(self) -> io::Result<T> {
        self.0.into_inner()
    }

    fn poll_ready(&self, cx: &mut Context<'_>, interest: Interest) -> Poll<io::Result<()>> {
        match interest {
            Interest::Read => self.0.poll_readable(cx),
            Interest::Write => self.0.poll_writable(cx),
        }
    }

    fn poll_io<R>(
        &self,
        cx: &mut Context<'_>,
        interest: Interest,
        op: &mut dyn FnMut(&T) -> io::Result<R>,
    ) -> Poll<io::Result<R>> {
        // async-io's own pattern: the operation first, the wait only after EAGAIN.
        loop {
            match op(self.0.get_ref()) {
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => ready!(self.poll_ready(cx, interest))?,
                result => return Poll::Ready(result),
            }
        }
    }
}

impl<T: AsFd> AcceptReactor<T> for AsyncIoReactor<T> {
    type Accepted = AsyncIoReactor<Socket>;
}

type IoAsync<T> = Async<T, AsyncIoReactor<T>>;

macro_rules! futures_read {
    ($($ty:ty),*) => {$(
        impl<T: SocketOwner> AsyncRead for $ty {
            fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut [u8]) -> Poll<io::Result<usize>> {
                Through::through(&*self).poll_read_into(cx, buf)
            }
        }
    )*};
}

macro_rules! futures_write {
    ($($ty:ty),*) => {$(
        impl<T: SocketOwner> AsyncWrite for $ty {
            fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
                Through::through(&*self).poll_write_from(cx, buf)
            }

            fn poll_write_vectored(
                self: Pin<&mut Self>,
                cx: &mut Context<'_>,
                bufs: &[io::IoSlice<'_>],
            ) -> Poll<io::Result<usize>> {
                Through::through(&*self).poll_write_vectored_from(cx, bufs)
            }

            fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
                Poll::Ready(Ok(())) // nothing is buffered here
            }

            fn poll_close(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
                Poll::Ready(Through::through(&*self).shutdown_write())
            }
        }
    )*};
}

futures_read!(IoAsync<T>, ReadHalf<'_, T, AsyncIoReactor<T>>);
futures_write!(IoAsync<T>, WriteHalf<'_, T, AsyncIoReactor<T>>);
