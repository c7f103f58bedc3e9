//! ISO 15765-2 transport: [`IsoTpSocket`] and its typed options. The kernel segments and
//! reassembles; each `send`/`recv` is one whole message (up to 4095 bytes with classic
//! addressing, more where the kernel allows: 6.1 takes up to 8200 with 32-bit `FF_DL`).

use std::io;

use sock_core::pod::Pod;
use sock_core::{Family, Protocol, SockOpt, Socket, ToSockAddr, Type};

use crate::consts::*;

/// The receive buffer of [`IsoTpSocket::recv_vec`]: larger than any kernel's PDU limit.
pub const ISOTP_RECV_MAX: usize = 65536;

/// `struct can_isotp_options` (`CAN_ISOTP_OPTS`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(C)]
pub struct IsoTpOptions {
    /// `CAN_ISOTP_*` flags (`CAN_ISOTP_TX_PADDING`, `CAN_ISOTP_EXTEND_ADDR` ...).
    pub flags: u32,
    /// Frame transmission time (N_As/N_Ar) in ns (`CAN_ISOTP_FRAME_TXTIME_ZERO` for zero).
    pub frame_txtime: u32,
    /// Extended address (with `CAN_ISOTP_EXTEND_ADDR`).
    pub ext_address: u8,
    /// Padding byte for sent frames.
    pub txpad_content: u8,
    /// Padding byte expected in received frames.
    pub rxpad_content: u8,
    /// Receive extended address (with `CAN_ISOTP_RX_EXT_ADDR`).
    pub rx_ext_address: u8,
}

// SAFETY: `#[repr(C)]` of 4 + 4 + 4×1 bytes = 12, a multiple of the alignment 4: no padding;
// all fields are integers, valid for any bits.
unsafe impl Pod for IsoTpOptions {}

impl Default for IsoTpOptions {
    /// The kernel's defaults.
    fn default() -> Self {
        IsoTpOptions {
            flags: CAN_ISOTP_DEFAULT_FLAGS,
            frame_txtime: CAN_ISOTP_DEFAULT_FRAME_TXTIME,
            ext_address: CAN_ISOTP_DEFAULT_EXT_ADDRESS,
            txpad_content: CAN_ISOTP_DEFAULT_PAD_CONTENT,
            rxpad_content: CAN_ISOTP_DEFAULT_PAD_CONTENT,
            rx_ext_address: CAN_ISOTP_DEFAULT_EXT_ADDRESS,
        }
    }
}

/// `struct can_isotp_fc_options` (`CAN_ISOTP_RECV_FC`): the flow control this socket sends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[repr(C)]
pub struct IsoTpFcOptions {
    /// Block size (0: no limit).
    pub bs: u8,
    /// Separation time: 0x00..=0x7F ms, 0xF1..=0xF9 100..900 µs.
    pub stmin: u8,
    /// Most wait frames (0: none).
    pub wftmax: u8,
}

// SAFETY: `#[repr(C)]` of three `u8`s: 3 bytes, no padding, valid for any bits.
unsafe impl Pod for IsoTpFcOptions {}

/// `struct can_isotp_ll_options` (`CAN_ISOTP_LL_OPTS`): the link layer (classic or FD frames).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(C)]
pub struct IsoTpLlOptions {
    /// `CAN_MTU` (16) for classic frames, `CANFD_MTU` (72) for FD frames.
    pub mtu: u8,
    /// Payload per frame: 8, 12, 16, 20, 24, 32, 48 or 64.
    pub tx_dl: u8,
    /// `CANFD_*` flags for sent FD frames (`CANFD_BRS`).
    pub tx_flags: u8,
}

// SAFETY: `#[repr(C)]` of three `u8`s: 3 bytes, no padding, valid for any bits.
unsafe impl Pod for IsoTpLlOptions {}

impl Default for IsoTpLlOptions {
    /// The kernel's defaults: classic frames of 8 bytes.
    fn default() -> Self {
        IsoTpLlOptions {
            mtu: CAN_ISOTP_DEFAULT_LL_MTU,
            tx_dl: CAN_ISOTP_DEFAULT_LL_TX_DL,
            tx_flags: CAN_ISOTP_DEFAULT_LL_TX_FLAGS,
        }
    }
}

const OPTS: SockOpt<IsoTpOptions> = SockOpt::new(SOL_CAN_ISOTP, CAN_ISOTP_OPTS);
const RECV_FC: SockOpt<IsoTpFcOptions> = SockOpt::new(SOL_CAN_ISOTP, CAN_ISOTP_RECV_FC);
const TX_STMIN: SockOpt<u32> = SockOpt::new(SOL_CAN_ISOTP, CAN_ISOTP_TX_STMIN);
const RX_STMIN: SockOpt<u32> = SockOpt::new(SOL_CAN_ISOTP, CAN_ISOTP_RX_STMIN);
const LL_OPTS: SockOpt<IsoTpLlOptions> = SockOpt::new(SOL_CAN_ISOTP, CAN_ISOTP_LL_OPTS);

/// A `CAN_ISOTP` socket. Set options before binding (the kernel refuses most after).
///
/// ```no_run
/// use sock_can::IsoTpSocket;
/// let a = IsoTpSocket::open(("vcan0", 0x123, 0x456))?;
/// let b = IsoTpSocket::open(("vcan0", 0x456, 0x123))?;
/// a.send(&[0x55; 4095])?;
/// assert_eq!(b.recv_vec()?.len(), 4095);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct IsoTpSocket(Socket);

impl IsoTpSocket {
    fn wrap(socket: Socket) -> io::Result<IsoTpSocket> {
        Ok(IsoTpSocket(socket))
    }

    /// An unbound `CAN_ISOTP` socket (`socket(AF_CAN, SOCK_DGRAM, CAN_ISOTP)`).
    pub fn new() -> io::Result<IsoTpSocket> {
        Socket::new(Family::CAN, Type::DGRAM, Some(Protocol(CAN_ISOTP))).and_then(IsoTpSocket::wrap)
    }

    /// A socket bound to `addr`: `("vcan0", rx_id, tx_id)` or an [`IsoTpAddr`](crate::IsoTpAddr).
    pub fn open<M>(addr: impl ToSockAddr<M>) -> io::Result<IsoTpSocket> {
        let s = IsoTpSocket::new()?;
        s.0.bind(addr)?;
        Ok(s)
    }

    /// Binds (after setting options).
    pub fn bind<M>(&self, addr: impl ToSockAddr<M>) -> io::Result<()> {
        self.0.bind(addr)
    }

    /// Sends one message (the kernel segments it); returns its length.
    pub fn send(&self, data: &[u8]) -> io::Result<usize> {
        self.0.send(data, 0)
    }

    /// Receives one whole message into `buf` (a longer message is cut to `buf`).
    pub fn recv(&self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.recv(buf, 0)
    }

    /// Receives one whole message into a new `Vec`.
    pub fn recv_vec(&self) -> io::Result<Vec<u8>> {
        self.0.recv_vec(ISOTP_RECV_MAX, 0)
    }

    /// `CAN_ISOTP_OPTS`.
    pub fn set_opts(&self, opts: &IsoTpOptions) -> io::Result<()> {
        self.0.set(OPTS, opts)
    }

    /// The `CAN_ISOTP_OPTS` in force.
    pub fn opts(&self) -> io::Result<IsoTpOptions> {
        self.0.get(OPTS)
    }

    /// `CAN_ISOTP_RECV_FC`.
    pub fn set_recv_fc(&self, fc: &IsoTpFcOptions) -> io::Result<()> {
        self.0.set(RECV_FC, fc)
    }

    /// The `CAN_ISOTP_RECV_FC` in force.
    pub fn recv_fc(&self) -> io::Result<IsoTpFcOptions> {
        self.0.get(RECV_FC)
    }

    /// `CAN_ISOTP_TX_STMIN`: the separation time in ns to use instead of the peer's.
    pub fn set_tx_stmin(&self, nanos: u32) -> io::Result<()> {
        self.0.set(TX_STMIN, &nanos)
    }

    /// The `CAN_ISOTP_TX_STMIN` in force (ns).
    pub fn tx_stmin(&self) -> io::Result<u32> {
        self.0.get(TX_STMIN)
    }

    /// `CAN_ISOTP_RX_STMIN`: ignore consecutive frames closer than this many ns.
    pub fn set_rx_stmin(&self, nanos: u32) -> io::Result<()> {
        self.0.set(RX_STMIN, &nanos)
    }

    /// The `CAN_ISOTP_RX_STMIN` in force (ns).
    pub fn rx_stmin(&self) -> io::Result<u32> {
        self.0.get(RX_STMIN)
    }

    /// `CAN_ISOTP_LL_OPTS`.
    pub fn set_ll_opts(&self, ll: &IsoTpLlOptions) -> io::Result<()> {
        self.0.set(LL_OPTS, ll)
    }

    /// The `CAN_ISOTP_LL_OPTS` in force.
    pub fn ll_opts(&self) -> io::Result<IsoTpLlOptions> {
        self.0.get(LL_OPTS)
    }
}

crate::wrap::protocol_socket!(IsoTpSocket, 0, CAN_ISOTP, "CAN_ISOTP");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_match_the_kernel() {
        assert_eq!(std::mem::size_of::<IsoTpOptions>(), 12);
        assert_eq!(std::mem::size_of::<IsoTpFcOptions>(), 3);
        assert_eq!(std::mem::size_of::<IsoTpLlOptions>(), 3);
        assert_eq!(IsoTpOptions::default().txpad_content, 0xCC);
    }
}
