//! ISO 15765-2 transport: [`IsoTpSocket`] and its typed options. The kernel segments and
//! reassembles; each `send`/`recv` is one whole message (up to 4095 bytes with classic
//! addressing, more where the kernel allows: 6.1 takes up to 8200 with 32-bit `FF_DL`).

use std::io;

use sock_core::{Family, Protocol, ProtocolSocket, Socket, SocketKind, ToSockAddr, Type};

use crate::attach::attach;
use crate::consts::*;
use crate::options::*;

/// The receive buffer of [`IsoTpSocket::recv_vec`]: larger than any kernel's PDU limit.
pub const ISOTP_RECV_MAX: usize = 65536;

/// A `CAN_ISOTP` socket. Set options before binding (the kernel refuses most after).
///
/// ```no_run
/// use sock::can::IsoTpSocket;
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
    /// An unbound `CAN_ISOTP` socket (`socket(AF_CAN, SOCK_DGRAM, CAN_ISOTP)`): set options,
    /// then [`bind`](IsoTpSocket::bind). Without the `can-isotp` module this is
    /// `EPROTONOSUPPORT` with the hint `modprobe can-isotp`.
    ///
    /// ```no_run
    /// use sock::can::{IsoTpLlOptions, IsoTpSocket};
    /// let s = IsoTpSocket::new()?;
    /// s.set_ll_opts(&IsoTpLlOptions::can_fd(64)?)?;
    /// s.bind(("vcan0", 0x7e8, 0x7e0))?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new() -> io::Result<IsoTpSocket> {
        Ok(IsoTpSocket { sock: Socket::new(Family::CAN, Type::DGRAM, Some(Protocol(CAN_ISOTP)))? })
    }

    /// A socket bound to `addr`: `("vcan0", rx_id, tx_id)` or an
    /// [`IsoTpAddr`](crate::IsoTpAddr). Options that the kernel takes only before binding
    /// need [`IsoTpSocket::new`] first. A failure names the address:
    /// `bind vcan9: no such interface (ENODEV)`, `bind vcan0:0x7e8:0x7e0: ...`.
    ///
    /// ```no_run
    /// use sock::can::{IsoTpAddr, IsoTpSocket};
    /// let s = IsoTpSocket::bound(IsoTpAddr::new("vcan0", 0x7e8, 0x7e0)?)?;
    /// assert_eq!(s.ll_opts()?.tx_dl(), 8);
    /// let e = IsoTpSocket::bound(("vcan9", 0x7e8, 0x7e0)).unwrap_err();
    /// assert_eq!(e.to_string(), "bind vcan9: no such interface (ENODEV)");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn bound<M>(addr: impl ToSockAddr<M>) -> io::Result<IsoTpSocket> {
        let s = IsoTpSocket::new()?;
        s.bind(addr)?;
        Ok(s)
    }

    /// Binds (after setting options).
    ///
    /// ```no_run
    /// use sock::can::{IsoTpAddr, IsoTpSocket};
    /// use sock::FamilyAddr;
    /// let s = IsoTpSocket::new()?;
    /// s.bind(("vcan0", 0x7e8, 0x7e0))?;
    /// let local = IsoTpAddr::decode(&s.as_ref().local_addr()?)?;
    /// assert_eq!((local.rx_id, local.tx_id), (0x7e8, 0x7e0));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn bind<M>(&self, addr: impl ToSockAddr<M>) -> io::Result<()> {
        attach(&self.sock, addr, false)
    }

    /// Sends one message (the kernel segments it); returns its length.
    ///
    /// ```no_run
    /// let s = sock::can::IsoTpSocket::bound(("vcan0", 0x7e8, 0x7e0))?;
    /// assert_eq!(s.send(&[0x3e, 0x00])?, 2); // UDS TesterPresent: one single frame
    /// assert_eq!(s.send(&[0; 100])?, 100); // first frame + consecutive frames
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn send(&self, data: &[u8]) -> io::Result<usize> {
        self.sock.send(data)
    }

    /// Receives one whole message into `buf` (a longer message is cut to `buf`).
    ///
    /// ```no_run
    /// let s = sock::can::IsoTpSocket::bound(("vcan0", 0x7e8, 0x7e0))?;
    /// let mut buf = [0u8; 4095];
    /// let n = s.recv(&mut buf)?;
    /// println!("{:02x?}", &buf[..n]);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn recv(&self, buf: &mut [u8]) -> io::Result<usize> {
        self.sock.recv(buf)
    }

    /// Receives one whole message into a new `Vec`.
    ///
    /// ```no_run
    /// let s = sock::can::IsoTpSocket::bound(("vcan0", 0x7e8, 0x7e0))?;
    /// s.send(&[0x22, 0xf1, 0x90])?; // UDS ReadDataByIdentifier: the VIN
    /// let reply = s.recv_vec()?; // the whole reassembled reply
    /// assert_eq!(reply[..3], [0x62, 0xf1, 0x90]); // positive response
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn recv_vec(&self) -> io::Result<Vec<u8>> {
        self.sock.recv_vec(ISOTP_RECV_MAX)
    }

    /// `CAN_ISOTP_OPTS` (before `bind`).
    ///
    /// ```no_run
    /// use sock::can::{IsoTpOptions, IsoTpSocket};
    /// use sock::can::consts::CAN_ISOTP_TX_PADDING;
    /// let s = IsoTpSocket::new()?;
    /// s.set_opts(&IsoTpOptions { flags: CAN_ISOTP_TX_PADDING, ..IsoTpOptions::default() })?;
    /// assert_eq!(s.opts()?.flags, CAN_ISOTP_TX_PADDING);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_opts(&self, opts: &IsoTpOptions) -> io::Result<()> {
        ISOTP_OPTS.set(&self.sock, opts)
    }

    /// The `CAN_ISOTP_OPTS` in force (see [`set_opts`](IsoTpSocket::set_opts)).
    ///
    /// ```no_run
    /// use sock::can::{IsoTpOptions, IsoTpSocket};
    /// assert_eq!(IsoTpSocket::new()?.opts()?, IsoTpOptions::default()); // the kernel's defaults
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn opts(&self) -> io::Result<IsoTpOptions> {
        ISOTP_OPTS.get(&self.sock)
    }

    /// `CAN_ISOTP_RECV_FC`: the flow control this socket sends (before `bind`).
    ///
    /// ```no_run
    /// use sock::can::{IsoTpFcOptions, IsoTpSocket};
    /// let s = IsoTpSocket::new()?;
    /// s.set_recv_fc(&IsoTpFcOptions { bs: 8, stmin: 5, wftmax: 0 })?;
    /// assert_eq!(s.recv_fc()?.bs, 8);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_recv_fc(&self, fc: &IsoTpFcOptions) -> io::Result<()> {
        ISOTP_RECV_FC.set(&self.sock, fc)
    }

    /// The `CAN_ISOTP_RECV_FC` in force (see [`set_recv_fc`](IsoTpSocket::set_recv_fc)).
    ///
    /// ```no_run
    /// use sock::can::{IsoTpFcOptions, IsoTpSocket};
    /// assert_eq!(IsoTpSocket::new()?.recv_fc()?, IsoTpFcOptions::default()); // no block size, no STmin
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn recv_fc(&self) -> io::Result<IsoTpFcOptions> {
        ISOTP_RECV_FC.get(&self.sock)
    }

    /// `CAN_ISOTP_TX_STMIN`: the separation time in nanoseconds to use instead of the peer's.
    ///
    /// ```no_run
    /// let s = sock::can::IsoTpSocket::new()?;
    /// s.set_tx_stmin(1_000_000)?; // 1 ms
    /// assert_eq!(s.tx_stmin()?, 1_000_000);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_tx_stmin(&self, nanos: u32) -> io::Result<()> {
        ISOTP_TX_STMIN.set(&self.sock, &nanos)
    }

    /// The `CAN_ISOTP_TX_STMIN` in force (nanoseconds).
    ///
    /// ```no_run
    /// assert_eq!(sock::can::IsoTpSocket::new()?.tx_stmin()?, 0); // 0: the peer's STmin applies
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn tx_stmin(&self) -> io::Result<u32> {
        ISOTP_TX_STMIN.get(&self.sock)
    }

    /// `CAN_ISOTP_RX_STMIN`: ignore consecutive frames closer than this many nanoseconds.
    ///
    /// ```no_run
    /// let s = sock::can::IsoTpSocket::new()?;
    /// s.set_rx_stmin(500_000)?; // 0.5 ms
    /// assert_eq!(s.rx_stmin()?, 500_000);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_rx_stmin(&self, nanos: u32) -> io::Result<()> {
        ISOTP_RX_STMIN.set(&self.sock, &nanos)
    }

    /// The `CAN_ISOTP_RX_STMIN` in force (nanoseconds).
    ///
    /// ```no_run
    /// assert_eq!(sock::can::IsoTpSocket::new()?.rx_stmin()?, 0); // 0: no frame is ignored
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn rx_stmin(&self) -> io::Result<u32> {
        ISOTP_RX_STMIN.get(&self.sock)
    }

    /// `CAN_ISOTP_LL_OPTS`: classic or FD frames ([`IsoTpLlOptions::can`],
    /// [`IsoTpLlOptions::can_fd`]), before `bind`. A refusal names the option:
    /// `setsockopt CAN_ISOTP_LL_OPTS: Invalid argument (EINVAL)`.
    ///
    /// ```no_run
    /// use sock::can::{consts::CANFD_BRS, IsoTpLlOptions, IsoTpSocket};
    /// let s = IsoTpSocket::new()?;
    /// s.set_ll_opts(&IsoTpLlOptions::can_fd(64)?.with_tx_flags(CANFD_BRS))?;
    /// assert_eq!(s.ll_opts()?.tx_dl(), 64);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_ll_opts(&self, ll: &IsoTpLlOptions) -> io::Result<()> {
        ISOTP_LL_OPTS.set(&self.sock, ll)
    }

    /// The `CAN_ISOTP_LL_OPTS` in force.
    ///
    /// ```no_run
    /// let s = sock::can::IsoTpSocket::new()?;
    /// assert_eq!(s.ll_opts()?, sock::can::IsoTpLlOptions::can());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn ll_opts(&self) -> io::Result<IsoTpLlOptions> {
        ISOTP_LL_OPTS.get(&self.sock)
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
