//! ISO 15765-2 transport: [`IsoTpSocket`] and its typed options. The kernel segments and
//! reassembles; each `send`/`recv` is one whole message (up to 4095 bytes with classic
//! addressing, more where the kernel allows: 6.1 takes up to 8200 with 32-bit `FF_DL`).

use std::io;

use sock_core::{Family, Protocol, ProtocolSocket, Socket, SocketKind, ToSockAddr, Type};

use crate::consts::*;
use crate::options::*;

/// The receive buffer of [`IsoTpSocket::recv_vec`]: larger than any kernel's PDU limit.
pub const ISOTP_RECV_MAX: usize = 65536;

/// A `CAN_ISOTP` socket. Set options before binding (the kernel refuses most after).
///
/// ```no_run
/// use sock_can::IsoTpSocket;
/// let a = IsoTpSocket::bound(("vcan0", 0x123, 0x456))?;
/// let b = IsoTpSocket::bound(("vcan0", 0x456, 0x123))?;
/// a.send(&[0x55; 4095])?;
/// assert_eq!(b.recv_vec()?.len(), 4095);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct IsoTpSocket {
    sock: Socket,
}

impl IsoTpSocket {
    /// An unbound `CAN_ISOTP` socket (`socket(AF_CAN, SOCK_DGRAM, CAN_ISOTP)`).
    pub fn new() -> io::Result<IsoTpSocket> {
        Ok(IsoTpSocket { sock: Socket::new(Family::CAN, Type::DGRAM, Some(Protocol(CAN_ISOTP)))? })
    }

    /// A socket bound to `addr`: `("vcan0", rx_id, tx_id)` or an [`IsoTpAddr`](crate::IsoTpAddr).
    /// Options that the kernel takes only before binding need [`IsoTpSocket::new`] first.
    pub fn bound<M>(addr: impl ToSockAddr<M>) -> io::Result<IsoTpSocket> {
        let s = IsoTpSocket::new()?;
        s.bind(addr)?;
        Ok(s)
    }

    /// Binds (after setting options).
    pub fn bind<M>(&self, addr: impl ToSockAddr<M>) -> io::Result<()> {
        self.sock.bind(addr)
    }

    /// Sends one message (the kernel segments it); returns its length.
    pub fn send(&self, data: &[u8]) -> io::Result<usize> {
        self.sock.send(data)
    }

    /// Receives one whole message into `buf` (a longer message is cut to `buf`).
    pub fn recv(&self, buf: &mut [u8]) -> io::Result<usize> {
        self.sock.recv(buf)
    }

    /// Receives one whole message into a new `Vec`.
    pub fn recv_vec(&self) -> io::Result<Vec<u8>> {
        self.sock.recv_vec(ISOTP_RECV_MAX)
    }

    /// `CAN_ISOTP_OPTS`.
    pub fn set_opts(&self, opts: &IsoTpOptions) -> io::Result<()> {
        self.sock.set(ISOTP_OPTS, opts)
    }

    /// The `CAN_ISOTP_OPTS` in force.
    pub fn opts(&self) -> io::Result<IsoTpOptions> {
        self.sock.get(ISOTP_OPTS)
    }

    /// `CAN_ISOTP_RECV_FC`.
    pub fn set_recv_fc(&self, fc: &IsoTpFcOptions) -> io::Result<()> {
        self.sock.set(ISOTP_RECV_FC, fc)
    }

    /// The `CAN_ISOTP_RECV_FC` in force.
    pub fn recv_fc(&self) -> io::Result<IsoTpFcOptions> {
        self.sock.get(ISOTP_RECV_FC)
    }

    /// `CAN_ISOTP_TX_STMIN`: the separation time in ns to use instead of the peer's.
    pub fn set_tx_stmin(&self, nanos: u32) -> io::Result<()> {
        self.sock.set(ISOTP_TX_STMIN, &nanos)
    }

    /// The `CAN_ISOTP_TX_STMIN` in force (ns).
    pub fn tx_stmin(&self) -> io::Result<u32> {
        self.sock.get(ISOTP_TX_STMIN)
    }

    /// `CAN_ISOTP_RX_STMIN`: ignore consecutive frames closer than this many ns.
    pub fn set_rx_stmin(&self, nanos: u32) -> io::Result<()> {
        self.sock.set(ISOTP_RX_STMIN, &nanos)
    }

    /// The `CAN_ISOTP_RX_STMIN` in force (ns).
    pub fn rx_stmin(&self) -> io::Result<u32> {
        self.sock.get(ISOTP_RX_STMIN)
    }

    /// `CAN_ISOTP_LL_OPTS`.
    pub fn set_ll_opts(&self, ll: &IsoTpLlOptions) -> io::Result<()> {
        self.sock.set(ISOTP_LL_OPTS, ll)
    }

    /// The `CAN_ISOTP_LL_OPTS` in force.
    pub fn ll_opts(&self) -> io::Result<IsoTpLlOptions> {
        self.sock.get(ISOTP_LL_OPTS)
    }
}

impl ProtocolSocket for IsoTpSocket {
    const KIND: SocketKind = SocketKind {
        family: Family::CAN,
        types: &[Type::DGRAM],
        protocol: Some(Protocol(CAN_ISOTP)),
        name: "CAN_ISOTP",
    };

    fn wrap_checked(sock: Socket) -> io::Result<IsoTpSocket> {
        Ok(IsoTpSocket { sock })
    }

    fn into_inner(self) -> Socket {
        self.sock
    }
}

sock_core::protocol_socket!(IsoTpSocket, sock);

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
