//! tokio's reactor for [`Async`]: a `tokio::io::unix::AsyncFd`, plus tokio's
//! `AsyncRead`/`AsyncWrite` for stream sockets and their split halves.

use std::io;
use std::os::fd::{AsFd, AsRawFd, RawFd};
use std::pin::Pin;
use std::task::{ready, Context, Poll};

use ::tokio::io::unix::AsyncFd;
use ::tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use super::{AcceptReactor, Async, Reactor, ReadHalf, Through, WriteHalf};
use crate::family::SocketOwner;
use crate::socket::Socket;
use crate::wait::Interest;

/// A socket registered with tokio's reactor (the `R` of [`Async`] in
/// [`sock::tokio`](crate::tokio)).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use sock::{aio::Async, tokio::Reactor, Family, Socket, Type};
/// // `sock::tokio::AsyncSocket` is this type:
/// let s: Async<Socket, Reactor<Socket>> = sock::tokio::AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
/// assert_eq!(s.socket().family(), Family::INET);
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
pub struct TokioReactor<T: AsFd>(AsyncFd<Registered<T>>);

/// What tokio's `AsyncFd` holds: the socket, and its fd as read when it was registered.
#[derive(Debug)]
pub struct Registered<T>(T, RawFd);

impl<T> AsRawFd for Registered<T> {
    fn as_raw_fd(&self) -> RawFd {
        self.1
    }
}

impl<T: AsFd> Reactor<T> for TokioReactor<T> {
    fn register(io: T) -> io::Result<Self>
    where
        T: SocketOwner,
    {
        if ::tokio::runtime::Handle::try_current().is_err() {
            return Err(io::Error::other("no tokio runtime: create the AsyncSocket inside one"));
        }
        let fd = io.as_fd().as_raw_fd();
        // `T: SocketOwner` keeps the socket behind `fd` open and the same unless borrowed
        // mutably; `Registered` owns `T`, and `Async` never hands out `&mut T` (only `&T`, or `T`
        // by value through `into_inner`, which deregisters first).
        // SAFETY: so `fd` stays valid and the same for the whole registration.
        let registered = unsafe { AsyncFd::register(Registered(io, fd)) };
        registered.map(TokioReactor).map_err(io::Error::from)
    }

    fn get_ref(&self) -> &T {
        &self.0.get_ref().0
    }

    fn into_inner(self) -> io::Result<T> {
        Ok(self.0.into_inner().0)
    }

    fn poll_ready(&self, cx: &mut Context<'_>, interest: Interest) -> Poll<io::Result<()>> {
        let guard = match interest {
            Interest::Read => ready!(self.0.poll_read_ready(cx))?,
            Interest::Write => ready!(self.0.poll_write_ready(cx))?,
        };
        drop(guard); // keeps the readiness: the caller's operation clears it on EAGAIN
        Poll::Ready(Ok(()))
    }

    fn poll_io<R>(
        &self,
        cx: &mut Context<'_>,
        interest: Interest,
        op: &mut dyn FnMut(&T) -> io::Result<R>,
    ) -> Poll<io::Result<R>> {
        // One retry after a stale readiness is the normal case (the event was consumed by an
        // earlier call). tokio keeps some readiness for good (a write side closed by an error
        // arrives with EPOLLOUT|EPOLLERR), so a second `WouldBlock` in a row yields to the
        // scheduler instead of spinning inside this poll.
        for _ in 0..2 {
            let mut guard = match interest {
                Interest::Read => ready!(self.0.poll_read_ready(cx))?,
                Interest::Write => ready!(self.0.poll_write_ready(cx))?,
            };
            // `try_io` clears the readiness when `op` says WouldBlock; try again.
            if let Ok(result) = guard.try_io(|fd| op(&fd.get_ref().0)) {
                return Poll::Ready(result);
            }
        }
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

impl<T: AsFd> AcceptReactor<T> for TokioReactor<T> {
    type Accepted = TokioReactor<Socket>;
}

type TokioAsync<T> = Async<T, TokioReactor<T>>;

fn read_buf<T: SocketOwner>(sock: &TokioAsync<T>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
    let n = ready!(sock.poll_read_into(cx, buf.initialize_unfilled()))?;
    buf.advance(n);
    Poll::Ready(Ok(()))
}

macro_rules! tokio_read {
    ($($ty:ty),*) => {$(
        impl<T: SocketOwner> AsyncRead for $ty {
            fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
                read_buf(Through::through(&*self), cx, buf)
            }
        }
    )*};
}

macro_rules! tokio_write {
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

            fn is_write_vectored(&self) -> bool {
                true
            }

            fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
                Poll::Ready(Ok(())) // nothing is buffered here
            }

            fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
                Poll::Ready(Through::through(&*self).shutdown_write())
            }
        }
    )*};
}

tokio_read!(TokioAsync<T>, ReadHalf<'_, T, TokioReactor<T>>);
tokio_write!(TokioAsync<T>, WriteHalf<'_, T, TokioReactor<T>>);
