//! The async `AF_VSOCK` methods: [`AsyncVsockExt`], a sealed extension trait of sock-core's
//! [`Async<Socket, R>`](sock_core::aio::Async) for every reactor `R`. Stream, datagram and
//! seqpacket traffic is sock-core's (`recv`, `send`, `send_to`, `connect`, `accept`,
//! AsyncRead/AsyncWrite); this adds the typed address of the peer.

use std::future::Future;
use std::io;

use sock_core::aio::{AcceptReactor, Async};
use sock_core::{FamilyAddr, Socket};

use crate::VsockAddr;

mod sealed {
    pub trait Sealed {}
    impl<R: sock_core::aio::Reactor<sock_core::Socket>> Sealed for sock_core::aio::Async<sock_core::Socket, R> {}
}

/// The async `AF_VSOCK` methods of an `AsyncSocket`
/// (sealed: implemented for `Async<Socket, R>` of both of sock-core's reactors). The futures
/// are `Send`. Options stay on [`VsockSocketExt`](crate::VsockSocketExt) through
/// [`Async::socket`](sock_core::aio::Async::socket); note that an async `connect` waits for
/// the handshake up to the socket's `SO_VM_SOCKETS_CONNECT_TIMEOUT` (the kernel's, 2 s by
/// default) and then fails with `TimedOut`.
///
/// ```no_run
/// # #[cfg(feature = "tokio")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use sock::vsock::tokio::{AsyncSocket, AsyncVsockExt};
/// use sock::vsock::{VsockAddr, VMADDR_CID_ANY};
/// use sock::{Family, Socket, Type};
/// let listener = Socket::new(Family::VSOCK, Type::STREAM, None)?;
/// listener.bind(VsockAddr::new(VMADDR_CID_ANY, 5000))?;
/// listener.listen(None)?;
/// let (conn, peer) = AsyncSocket::new(listener)?.accept_vsock().await?;
/// conn.send_all(format!("hello, CID {}", peer.cid).as_bytes()).await?;
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "tokio"))]
/// # fn main() {}
/// ```
pub trait AsyncVsockExt: sealed::Sealed {
    /// The async socket type `accept_vsock` returns (`Async<Socket, R::Accepted>`).
    type Accepted;

    /// `accept` with the peer as a [`VsockAddr`]; the new socket is registered with the same
    /// runtime.
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future accepted nothing.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::vsock::tokio::{AsyncSocket, AsyncVsockExt};
    /// use sock::vsock::{VsockAddr, VMADDR_CID_ANY};
    /// use sock::{Family, Socket, Type};
    /// let listener = Socket::new(Family::VSOCK, Type::STREAM, None)?;
    /// listener.bind(VsockAddr::new(VMADDR_CID_ANY, 5000))?;
    /// listener.listen(None)?;
    /// let (_conn, peer) = AsyncSocket::new(listener)?.accept_vsock().await?;
    /// assert_ne!(peer.port, sock::vsock::VMADDR_PORT_ANY); // a real port of the guest or host
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    fn accept_vsock(&self) -> impl Future<Output = io::Result<(Self::Accepted, VsockAddr)>> + Send;

    /// `recv_from` with the sender as a [`VsockAddr`] (`SOCK_DGRAM`; a connected socket
    /// reports its peer).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future received nothing.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::vsock::tokio::{AsyncSocket, AsyncVsockExt};
    /// use sock::vsock::{VsockAddr, VMADDR_CID_ANY};
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::VSOCK, Type::DGRAM, None)?; // needs a datagram transport (vmci)
    /// s.bind(VsockAddr::new(VMADDR_CID_ANY, 5001))?;
    /// let s = AsyncSocket::new(s)?;
    /// let mut buf = [0u8; 1500];
    /// let (n, from) = s.recv_from_vsock(&mut buf).await?;
    /// println!("{n} bytes from CID {} port {}", from.cid, from.port);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    fn recv_from_vsock(&self, buf: &mut [u8]) -> impl Future<Output = io::Result<(usize, VsockAddr)>> + Send;
}

impl<R> AsyncVsockExt for Async<Socket, R>
where
    R: AcceptReactor<Socket> + Send + Sync,
    R::Accepted: Send,
{
    type Accepted = Async<Socket, R::Accepted>;

    async fn accept_vsock(&self) -> io::Result<(Self::Accepted, VsockAddr)> {
        let (sock, addr) = self.accept().await?;
        Ok((sock, VsockAddr::decode(&addr)?))
    }

    async fn recv_from_vsock(&self, buf: &mut [u8]) -> io::Result<(usize, VsockAddr)> {
        let (n, addr) = self.recv_from(buf).await?;
        Ok((n, VsockAddr::decode(&addr)?))
    }
}
