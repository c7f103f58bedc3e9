//! The async items of AF_BLUETOOTH (features `tokio` / `async-io`): [`HciEvents`], a
//! `Stream` of the packets a raw HCI socket receives, and [`AsyncBtExt`], typed accepts for
//! L2CAP and RFCOMM listeners registered with a runtime. Everything else (connect, send, recv,
//! `AsyncRead`/`AsyncWrite` on an RFCOMM stream) is sock-core's `Async<Socket, R>`.

use std::future::{poll_fn, Future};
use std::io::{self, IoSliceMut};
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use futures_core::Stream;
use sock_core::aio::{AcceptReactor, Async, Interest, Reactor};
use sock_core::cmsg::CmsgIter;
use sock_core::{invalid_input, Family, Socket, Type};

use crate::consts::*;
use crate::{BtAddr, HciAncillary};

/// The largest packet a raw HCI socket delivers: the packet-type byte, the largest ACL header
/// and payload the kernel accepts (`HCI_MAX_FRAME_SIZE` is `HCI_MAX_ACL_SIZE + 4`), with room
/// to spare.
const HCI_MAX_PACKET: usize = 1 + 1492 + 4 + 3;

/// Room for the `HCI_DATA_DIR` (an int) and `HCI_TIME_STAMP` (a `timeval`) items.
const HCI_CONTROL: usize = 64;

/// One packet read from a raw HCI socket (`BTPROTO_HCI`, `SOCK_RAW`): the bytes as the kernel
/// gives them (the packet-type byte first, e.g. [`HCI_EVENT_PKT`]) and the ancillary items
/// the socket asked for with `HCI_DATA_DIR` / `HCI_TIME_STAMP`.
///
/// ```
/// use sock::bt::HciPacket;
/// // Command Complete for HCI_Read_BD_ADDR (0x1009): status 0, then the address.
/// let p = HciPacket { data: vec![0x04, 0x0e, 0x0a, 0x01, 0x09, 0x10, 0x00, 0xab, 0x89, 0x67, 0x45, 0x23, 0x01], incoming: Some(true), timestamp: None };
/// assert_eq!(p.packet_type(), Some(sock::bt::HCI_EVENT_PKT));
/// assert_eq!(p.command_complete(), Some((0x1009, &[0x00, 0xab, 0x89, 0x67, 0x45, 0x23, 0x01][..])));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct HciPacket {
    /// The packet, type byte first.
    pub data: Vec<u8>,
    /// `HCI_DATA_DIR`: `Some(true)` for a packet from the controller, `Some(false)` for one
    /// sent to it; `None` when the option is off.
    pub incoming: Option<bool>,
    /// `HCI_TIME_STAMP`: when the kernel saw the packet, since the Unix epoch; `None` when the
    /// option is off.
    pub timestamp: Option<Duration>,
}

impl HciPacket {
    /// The packet-type byte (`HCI_COMMAND_PKT`, `HCI_ACLDATA_PKT`, `HCI_EVENT_PKT` ...);
    /// `None` for an empty packet.
    ///
    /// ```
    /// use sock::bt::HciPacket;
    /// // Command Complete for HCI_Read_BD_ADDR (0x1009): status 0, then the address.
    /// let p = HciPacket { data: vec![0x04, 0x0e, 0x0a, 0x01, 0x09, 0x10, 0x00, 0xab, 0x89, 0x67, 0x45, 0x23, 0x01], incoming: Some(true), timestamp: None };
    /// assert_eq!(p.packet_type(), Some(sock::bt::HCI_EVENT_PKT));
    /// assert_eq!(HciPacket { data: vec![], incoming: None, timestamp: None }.packet_type(), None);
    /// ```
    pub fn packet_type(&self) -> Option<u8> {
        self.data.first().copied()
    }

    /// For an event packet whose length field matches its size: the event code and its
    /// parameters (e.g. `0x0e`, Command Complete, with `[ncmd, opcode lo, opcode hi,
    /// status, ...]`). `None` for any other packet.
    ///
    /// ```
    /// use sock::bt::HciPacket;
    /// // Command Complete for HCI_Read_BD_ADDR (0x1009): status 0, then the address.
    /// let p = HciPacket { data: vec![0x04, 0x0e, 0x0a, 0x01, 0x09, 0x10, 0x00, 0xab, 0x89, 0x67, 0x45, 0x23, 0x01], incoming: Some(true), timestamp: None };
    /// let (code, params) = p.event().unwrap();
    /// assert_eq!((code, params.len()), (0x0e, 10));
    /// let cut = HciPacket { data: p.data[..5].to_vec(), ..p.clone() }; // length field says 10
    /// assert_eq!(cut.event(), None);
    /// ```
    pub fn event(&self) -> Option<(u8, &[u8])> {
        match self.data.as_slice() {
            [HCI_EVENT_PKT, code, len, params @ ..] if usize::from(*len) == params.len() => Some((*code, params)),
            _ => None,
        }
    }

    /// For a Command Complete event (`0x0e`): the opcode it completes and its return
    /// parameters (the status byte first). `None` for any other packet.
    ///
    /// ```
    /// use sock::bt::HciPacket;
    /// // Command Complete for HCI_Read_BD_ADDR (0x1009): status 0, then the address.
    /// let p = HciPacket { data: vec![0x04, 0x0e, 0x0a, 0x01, 0x09, 0x10, 0x00, 0xab, 0x89, 0x67, 0x45, 0x23, 0x01], incoming: Some(true), timestamp: None };
    /// let (opcode, ret) = p.command_complete().unwrap();
    /// assert_eq!((opcode, ret[0]), (0x1009, 0)); // HCI_Read_BD_ADDR, success
    /// let status = HciPacket { data: vec![0x04, 0x0f, 0x04, 0x00, 0x01, 0x09, 0x10], ..p }; // Command Status
    /// assert_eq!(status.command_complete(), None);
    /// ```
    pub fn command_complete(&self) -> Option<(u16, &[u8])> {
        match self.event()? {
            (0x0e, [_ncmd, lo, hi, ret @ ..]) => Some((u16::from_le_bytes([*lo, *hi]), ret)),
            _ => None,
        }
    }
}

/// The packets a raw HCI socket receives, as a [`Stream`] of [`HciPacket`]s (what its
/// [`HciFilter`](crate::HciFilter) lets through).
///
/// Each item is one `recvmsg` into a stack buffer, copied into the item's `Vec` (the only
/// allocation). Errors are items (the stream goes on); it ends when the kernel reports the
/// end of the socket (a zero-length read: the controller was unregistered). Commands can be
/// sent through the same socket with [`socket`](HciEvents::socket)`().send(..)`.
///
/// Runtime aliases: `tokio::HciEvents`,
/// `async_io::HciEvents`.
///
/// # Cancel safety
///
/// `poll_next` / [`recv`](HciEvents::recv) are one `recvmsg` that either happened (the item
/// is returned) or did not: dropping a pending `next()` loses no packet.
///
/// ```no_run
/// # #[cfg(feature = "tokio")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use sock::bt::{protocol, tokio::HciEvents, HciAddr, HciFilter, HciSocketExt, HCI_EVENT_PKT};
/// use sock::{Family, Socket, Type};
/// let s = Socket::new(Family::BLUETOOTH, Type::RAW, Some(protocol::HCI))?;
/// s.set_hci_filter(&HciFilter::all())?;
/// s.bind(HciAddr::new(0))?;
/// let events = HciEvents::new(s)?;
/// while let Some(packet) = events.recv().await? {
///     if let Some((code, params)) = packet.event() {
///         println!("event {code:#04x}: {params:02x?}");
///     }
/// }
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "tokio"))]
/// # fn main() {}
/// ```
pub struct HciEvents<R: Reactor<Socket>> {
    io: Async<Socket, R>,
}

impl<R: Reactor<Socket>> HciEvents<R> {
    /// Registers a raw HCI socket (`Family::BLUETOOTH`, `Type::RAW`, `BTPROTO_HCI`; set its
    /// filter and bind it first or later) with the runtime. `InvalidInput` for another kind
    /// of socket; fails outside the runtime.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::bt::{protocol, tokio::HciEvents, HciAddr, HciFilter, HciSocketExt, HCI_EVENT_PKT};
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::BLUETOOTH, Type::RAW, Some(protocol::HCI))?;
    /// s.set_hci_filter(&HciFilter::all())?;
    /// s.bind(HciAddr::new(0))?;
    /// let events = HciEvents::new(s)?;
    /// let (unix, _) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// assert!(HciEvents::new(unix).is_err()); // InvalidInput: not a raw HCI socket
    /// # drop(events);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn new(socket: Socket) -> io::Result<Self> {
        check_hci(&socket)?;
        Ok(HciEvents { io: Async::new(socket)? })
    }

    /// Wraps an already registered raw HCI socket. `InvalidInput` for another kind of socket.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::bt::{protocol, tokio::HciEvents, HciAddr, HciFilter, HciSocketExt, HCI_EVENT_PKT};
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::BLUETOOTH, Type::RAW, Some(protocol::HCI))?;
    /// s.set_hci_filter(&HciFilter::all())?;
    /// s.bind(HciAddr::new(0))?;
    /// let registered = sock::bt::tokio::AsyncSocket::new(s)?;
    /// let events = HciEvents::from_async(registered)?;
    /// assert_eq!(events.socket().socket().protocol(), protocol::HCI);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn from_async(io: Async<Socket, R>) -> io::Result<Self> {
        check_hci(io.socket())?;
        Ok(HciEvents { io })
    }

    /// The registered socket, e.g. to send HCI commands with `send` or set options.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::bt::{protocol, tokio::HciEvents, HciAddr, HciFilter, HciSocketExt, HCI_EVENT_PKT};
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::BLUETOOTH, Type::RAW, Some(protocol::HCI))?;
    /// s.set_hci_filter(&HciFilter::all())?;
    /// s.bind(HciAddr::new(0))?;
    /// let events = HciEvents::new(s)?;
    /// events.socket().send(&[0x01, 0x09, 0x10, 0x00]).await?; // HCI_Read_BD_ADDR
    /// let reply = events.recv().await?.expect("a reply");
    /// assert_eq!(reply.command_complete().map(|(op, _)| op), Some(0x1009));
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn socket(&self) -> &Async<Socket, R> {
        &self.io
    }

    /// Gives the registered socket back.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::bt::{protocol, tokio::HciEvents, HciAddr, HciFilter, HciSocketExt, HCI_EVENT_PKT};
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::BLUETOOTH, Type::RAW, Some(protocol::HCI))?;
    /// s.set_hci_filter(&HciFilter::all())?;
    /// s.bind(HciAddr::new(0))?;
    /// let events = HciEvents::new(s)?;
    /// let s = events.into_inner().into_inner()?; // deregistered, a plain Socket again
    /// assert_eq!(s.protocol(), protocol::HCI);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn into_inner(self) -> Async<Socket, R> {
        self.io
    }

    /// Polls for the next packet: `Ready(Ok(None))` when the socket reports its end.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::bt::{protocol, tokio::HciEvents, HciAddr, HciFilter, HciSocketExt, HCI_EVENT_PKT};
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::BLUETOOTH, Type::RAW, Some(protocol::HCI))?;
    /// s.set_hci_filter(&HciFilter::all())?;
    /// s.bind(HciAddr::new(0))?;
    /// let events = HciEvents::new(s)?;
    /// let packet = std::future::poll_fn(|cx| events.poll_recv(cx)).await?; // what `recv` does
    /// assert!(packet.is_none_or(|p| p.packet_type() == Some(HCI_EVENT_PKT))); // the filter's choice
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn poll_recv(&self, cx: &mut Context<'_>) -> Poll<io::Result<Option<HciPacket>>> {
        self.io.poll_io(cx, Interest::Read, recv_packet)
    }

    /// Receives the next packet; `Ok(None)` when the socket reports its end.
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future received nothing.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::bt::{protocol, tokio::HciEvents, HciAddr, HciFilter, HciSocketExt, HCI_EVENT_PKT};
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::BLUETOOTH, Type::RAW, Some(protocol::HCI))?;
    /// s.set_hci_filter(&HciFilter::all())?;
    /// s.bind(HciAddr::new(0))?;
    /// let events = HciEvents::new(s)?;
    /// while let Some(p) = events.recv().await? {
    ///     assert!(!p.data.is_empty()); // type byte first
    /// }
    /// println!("hci0 was unregistered");
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn recv(&self) -> io::Result<Option<HciPacket>> {
        poll_fn(|cx| self.poll_recv(cx)).await
    }
}

fn check_hci(s: &Socket) -> io::Result<()> {
    if s.family() != Family::BLUETOOTH || s.ty() != Type::RAW || s.protocol().raw() != BTPROTO_HCI {
        return Err(invalid_input("socket", "not a raw HCI socket (BLUETOOTH, RAW, BTPROTO_HCI)"));
    }
    Ok(())
}

/// One non-blocking `recvmsg` of a packet and its ancillary items.
fn recv_packet(s: &Socket) -> io::Result<Option<HciPacket>> {
    let mut buf = [0u8; HCI_MAX_PACKET];
    let mut control = [0u8; HCI_CONTROL];
    let msg = s.recv_msg(&mut [IoSliceMut::new(&mut buf)], &mut control, 0)?;
    if msg.bytes == 0 {
        return Ok(None);
    }
    let mut packet = HciPacket { data: buf[..msg.bytes.min(HCI_MAX_PACKET)].to_vec(), incoming: None, timestamp: None };
    for item in CmsgIter::new(&control[..msg.control_len.min(HCI_CONTROL)]).filter_map(|c| HciAncillary::decode(&c)) {
        match item {
            HciAncillary::Incoming(i) => packet.incoming = Some(i),
            HciAncillary::Timestamp(t) => packet.timestamp = Some(t),
        }
    }
    Ok(Some(packet))
}

impl<R: Reactor<Socket>> std::fmt::Debug for HciEvents<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("HciEvents").field(&self.io).finish()
    }
}

impl<R: Reactor<Socket>> Stream for HciEvents<R> {
    type Item = io::Result<HciPacket>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        // Once ended, the socket keeps answering zero-length reads: `None` again.
        self.poll_recv(cx).map(Result::transpose)
    }
}

mod sealed {
    /// Only `sock_core::aio::Async<Socket, R>` implements [`AsyncBtExt`](super::AsyncBtExt).
    pub trait Sealed {}
    impl<R: sock_core::aio::Reactor<sock_core::Socket>> Sealed for sock_core::aio::Async<sock_core::Socket, R> {}
}

/// Typed Bluetooth operations of a registered [`Socket`] (sealed: implemented for
/// `Async<Socket, R>` only, i.e. `sock::bt::tokio::AsyncSocket` / `sock::bt::async_io::AsyncSocket`).
///
/// ```no_run
/// # #[cfg(feature = "tokio")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use sock::bt::{protocol, tokio::AsyncSocket, AsyncBtExt, BdAddr, BtAddr, RfcommAddr};
/// use sock::{Family, Socket, Type};
/// let l = Socket::new(Family::BLUETOOTH, Type::STREAM, Some(protocol::RFCOMM))?;
/// l.bind(RfcommAddr::new(BdAddr::ANY, 3))?;
/// l.listen(None)?;
/// let (conn, peer) = AsyncSocket::new(l)?.accept_bt().await?;
/// assert!(matches!(peer, BtAddr::Rfcomm(_)));
/// assert_eq!(conn.peer_bt()?, peer);
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "tokio"))]
/// # fn main() {}
/// ```
pub trait AsyncBtExt: sealed::Sealed {
    /// The accepted connection: a socket registered with the same runtime.
    type Accepted;

    /// Accepts a connection on a listening L2CAP, RFCOMM or SCO socket and decodes the peer's
    /// address with the socket's protocol ([`BtAddr::decode_with`]). The new socket is
    /// non-blocking and registered with the same runtime.
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future accepted nothing.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::bt::{protocol, tokio::AsyncSocket, AsyncBtExt, BdAddr, BtAddr, L2capAddr};
    /// use sock::{Family, Socket, Type};
    /// let l = Socket::new(Family::BLUETOOTH, Type::SEQPACKET, Some(protocol::L2CAP))?;
    /// l.bind(L2capAddr::new(BdAddr::ANY, 0x1001))?;
    /// l.listen(None)?;
    /// let (_conn, peer) = AsyncSocket::new(l)?.accept_bt().await?;
    /// assert!(matches!(peer, BtAddr::L2cap(_))); // decoded with the listener's protocol
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    fn accept_bt(&self) -> impl Future<Output = io::Result<(Self::Accepted, BtAddr)>> + Send + '_;

    /// The peer of a connected socket, decoded with its protocol (not async: `getpeername`
    /// never waits).
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::bt::{protocol, tokio::AsyncSocket, AsyncBtExt, BtAddr, RfcommAddr};
    /// use sock::{Family, Socket, Type};
    /// let s = AsyncSocket::new(Socket::new(Family::BLUETOOTH, Type::STREAM, Some(protocol::RFCOMM))?)?;
    /// let peer: RfcommAddr = "01:23:45:67:89:AB/3".parse()?;
    /// s.connect(peer).await?;
    /// assert_eq!(s.peer_bt()?, BtAddr::Rfcomm(peer));
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    fn peer_bt(&self) -> io::Result<BtAddr>;
}

impl<R> AsyncBtExt for Async<Socket, R>
where
    R: AcceptReactor<Socket> + Send + Sync,
{
    type Accepted = Async<Socket, R::Accepted>;

    async fn accept_bt(&self) -> io::Result<(Self::Accepted, BtAddr)> {
        let protocol = self.socket().protocol();
        let (conn, addr) = self.accept().await?;
        Ok((conn, BtAddr::decode_with(&addr, protocol)?))
    }

    fn peer_bt(&self) -> io::Result<BtAddr> {
        BtAddr::decode_with(&self.socket().peer_addr()?, self.socket().protocol())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn packet(data: &[u8]) -> HciPacket {
        HciPacket { data: data.to_vec(), incoming: None, timestamp: None }
    }

    #[test]
    fn event_views() {
        let cc = packet(&[HCI_EVENT_PKT, 0x0e, 0x04, 0x01, 0x03, 0x0c, 0x00]);
        assert_eq!(cc.packet_type(), Some(HCI_EVENT_PKT));
        assert_eq!(cc.event(), Some((0x0e, &[0x01, 0x03, 0x0c, 0x00][..])));
        assert_eq!(cc.command_complete(), Some((0x0c03, &[0x00][..])));
        // A length field that does not match, a command, an empty packet: no event view.
        for bad in [&[HCI_EVENT_PKT, 0x0e, 0x05, 0x01][..], &[HCI_COMMAND_PKT, 0x03, 0x0c, 0x00], &[]] {
            assert_eq!(packet(bad).event(), None, "{bad:02x?}");
            assert_eq!(packet(bad).command_complete(), None);
        }
        assert_eq!(packet(&[HCI_EVENT_PKT, 0x0f, 0x00]).command_complete(), None);
    }

    #[cfg(feature = "tokio")]
    #[test]
    fn only_raw_hci_sockets_make_event_streams() {
        let rt = ::tokio::runtime::Builder::new_current_thread().enable_io().build().unwrap();
        let _g = rt.enter();
        let unix = Socket::new(Family::UNIX, Type::DGRAM, None).unwrap();
        let err = HciEvents::<sock_core::tokio::Reactor<Socket>>::new(unix).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
    }
}
