//! SAE J1939: [`J1939Socket`], its filters and options, and what a receive reports
//! ([`J1939Recv`]: source name/PGN/address from the address, destination and priority from
//! ancillary data).

use std::io;

use sock_core::cmsg::CmsgIter;
use sock_core::{invalid_input, Family, MsgFlags, Protocol, ProtocolSocket, Socket, SocketKind, ToSockAddr, Type};

use crate::addr::J1939Addr;
use crate::attach::attach;
use crate::consts::*;
use crate::j1939_cmsg::J1939Cmsg;
use crate::options::*;

/// `sizeof(struct j1939_filter)`: 26 bytes of fields padded to 32.
const FILTER_SIZE: usize = 32;

/// `struct j1939_filter`: a packet passes when each field masked equals the filter's.
///
/// ```
/// use sock::can::J1939Filter;
/// let f = J1939Filter::pgn(0x12300);
/// assert_eq!((f.pgn, f.pgn_mask), (0x12300, sock::can::consts::J1939_PGN_MAX));
/// assert_eq!(J1939Filter::source(0x80).addr_mask, 0xff);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct J1939Filter {
    /// The 64-bit ECU name to match.
    pub name: u64,
    /// The bits of the name that must match.
    pub name_mask: u64,
    /// The parameter group number to match.
    pub pgn: u32,
    /// The bits of the PGN that must match.
    pub pgn_mask: u32,
    /// The 8-bit source address to match.
    pub addr: u8,
    /// The bits of the address that must match.
    pub addr_mask: u8,
}

impl J1939Filter {
    /// Packets of one PGN.
    ///
    /// ```
    /// use sock::can::consts::{J1939_PGN_ADDRESS_CLAIMED, J1939_PGN_MAX};
    /// use sock::can::J1939Filter;
    /// let f = J1939Filter::pgn(J1939_PGN_ADDRESS_CLAIMED);
    /// assert_eq!((f.pgn, f.pgn_mask, f.addr_mask), (0x0ee00, J1939_PGN_MAX, 0)); // from any source
    /// ```
    pub fn pgn(pgn: u32) -> J1939Filter {
        J1939Filter { pgn, pgn_mask: J1939_PGN_MAX, ..J1939Filter::default() }
    }

    /// Packets from one source address.
    ///
    /// ```
    /// use sock::can::J1939Filter;
    /// let f = J1939Filter::source(0x80);
    /// assert_eq!((f.addr, f.addr_mask, f.pgn_mask), (0x80, 0xff, 0)); // of any PGN
    /// ```
    pub fn source(addr: u8) -> J1939Filter {
        J1939Filter { addr, addr_mask: 0xff, ..J1939Filter::default() }
    }

    /// The 32 bytes of the kernel struct (padding zeroed).
    ///
    /// ```
    /// let bytes = sock::can::J1939Filter::source(0x80).encode();
    /// assert_eq!((bytes.len(), bytes[24], bytes[25]), (32, 0x80, 0xff));
    /// ```
    pub fn encode(&self) -> [u8; FILTER_SIZE] {
        let mut b = [0u8; FILTER_SIZE];
        b[0..8].copy_from_slice(&self.name.to_ne_bytes());
        b[8..16].copy_from_slice(&self.name_mask.to_ne_bytes());
        b[16..20].copy_from_slice(&self.pgn.to_ne_bytes());
        b[20..24].copy_from_slice(&self.pgn_mask.to_ne_bytes());
        b[24] = self.addr;
        b[25] = self.addr_mask;
        b
    }
}

/// One received J1939 packet's metadata: what [`J1939Socket::recv`] returns.
///
/// ```no_run
/// let rx = sock::can::J1939Socket::bound(("vcan0", sock::can::J1939_NO_NAME, sock::can::J1939_NO_PGN, 0x90))?;
/// let mut buf = [0u8; 1785];
/// let got = rx.recv(&mut buf)?;
/// println!("{} bytes of PGN {:#x} from {:#x}, priority {:?}", got.len, got.source.pgn, got.source.addr, got.priority);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct J1939Recv {
    /// Bytes received into the buffer.
    pub len: usize,
    /// The sender: its name, the PGN of the packet and its address. The interface is left as
    /// an index (no lookup on the receive path).
    pub source: J1939Addr,
    /// `SCM_J1939_DEST_ADDR`: the destination address. The kernel sends it for unicast
    /// destinations only, so `None` means a broadcast (or a destination given by name).
    pub dest_addr: Option<u8>,
    /// `SCM_J1939_DEST_NAME`: the destination name, when the destination was claimed.
    pub dest_name: Option<u64>,
    /// `SCM_J1939_PRIO`: the packet's priority (0..=7).
    pub priority: Option<u8>,
}

/// A `CAN_J1939` socket (`socket(AF_CAN, SOCK_DGRAM, CAN_J1939)`).
///
/// ```no_run
/// use sock::can::{J1939Addr, J1939Socket};
/// use sock::can::consts::{J1939_NO_NAME, J1939_NO_PGN};
/// let rx = J1939Socket::bound(("vcan0", J1939_NO_NAME, J1939_NO_PGN, 0x90))?;
/// let tx = J1939Socket::bound(("vcan0", J1939_NO_NAME, J1939_NO_PGN, 0x80))?;
/// tx.send_to(b"hello", J1939Addr::to(0x12300, 0x90))?;
/// let mut buf = [0u8; 64];
/// let got = rx.recv(&mut buf)?;
/// assert_eq!((got.source.addr, got.source.pgn), (0x80, 0x12300));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct J1939Socket {
    sock: Socket,
}

impl J1939Socket {
    /// An unbound `CAN_J1939` socket; set options, then [`bind`](J1939Socket::bind).
    ///
    /// ```no_run
    /// let j = sock::can::J1939Socket::new()?;
    /// j.set_promisc(true)?;
    /// j.bind(("vcan0", sock::can::J1939_NO_NAME, sock::can::J1939_NO_PGN, sock::can::J1939_NO_ADDR))?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new() -> io::Result<J1939Socket> {
        Ok(J1939Socket { sock: Socket::new(Family::CAN, Type::DGRAM, Some(Protocol(CAN_J1939)))? })
    }

    /// A socket bound to `addr`: `("vcan0", name, pgn, addr)` or a [`J1939Addr`]. An unknown interface is `bind vcan9: no such interface (ENODEV)`; a
    /// kernel refusal names the address (`bind vcan0:0x0:0x40000:0x80: ...`).
    ///
    /// ```no_run
    /// use sock::can::{J1939Addr, J1939Socket, J1939_NO_NAME, J1939_NO_PGN};
    /// use sock::FamilyAddr;
    /// let j = J1939Socket::bound(J1939Addr::new("vcan0", J1939_NO_NAME, J1939_NO_PGN, 0x80)?)?;
    /// assert_eq!(J1939Addr::decode(&j.as_ref().local_addr()?)?.addr, 0x80);
    /// let e = J1939Socket::bound(("vcan9", J1939_NO_NAME, J1939_NO_PGN, 0x80)).unwrap_err();
    /// assert_eq!(e.to_string(), "bind vcan9: no such interface (ENODEV)");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn bound<M>(addr: impl ToSockAddr<M>) -> io::Result<J1939Socket> {
        let s = J1939Socket::new()?;
        s.bind(addr)?;
        Ok(s)
    }

    /// Binds (see [`J1939Socket::bound`]).
    ///
    /// ```no_run
    /// use sock::can::{J1939Addr, J1939Socket, J1939_NO_NAME};
    /// use sock::FamilyAddr;
    /// let j = J1939Socket::new()?;
    /// j.bind(("vcan0", J1939_NO_NAME, 0x12300, 0x80))?; // receive PGN 0x12300 only
    /// assert_eq!(J1939Addr::decode(&j.as_ref().local_addr()?)?.pgn, 0x12300);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn bind<M>(&self, addr: impl ToSockAddr<M>) -> io::Result<()> {
        attach(&self.sock, addr, false)
    }

    /// Sets the default destination (name, PGN, address) for [`send`](J1939Socket::send)
    /// (the socket's own `connect`; build with [`J1939Socket::bound`] first).
    ///
    /// ```no_run
    /// use sock::can::{J1939Addr, J1939Socket, J1939_NO_NAME, J1939_NO_PGN};
    /// let j = J1939Socket::bound(("vcan0", J1939_NO_NAME, J1939_NO_PGN, 0x80))?;
    /// j.connect(J1939Addr::to(0x12300, 0x90))?;
    /// j.send(b"to 0x90")?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn connect<M>(&self, addr: impl ToSockAddr<M>) -> io::Result<()> {
        attach(&self.sock, addr, true)
    }

    /// Sends to the connected destination (see [`connect`](J1939Socket::connect)).
    ///
    /// ```no_run
    /// use sock::can::{J1939Addr, J1939Socket, J1939_NO_NAME, J1939_NO_PGN};
    /// let j = J1939Socket::bound(("vcan0", J1939_NO_NAME, J1939_NO_PGN, 0x80))?;
    /// j.connect(J1939Addr::to(0x12300, 0x90))?;
    /// assert_eq!(j.send(&[1, 2, 3])?, 3);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn send(&self, data: &[u8]) -> io::Result<usize> {
        self.sock.send(data)
    }

    /// Sends to a PGN and address: `J1939Addr::to(pgn, addr)`; to broadcast, use
    /// `J1939_NO_ADDR` and turn on [`set_broadcast`](J1939Socket::set_broadcast).
    ///
    /// ```no_run
    /// use sock::can::{J1939Addr, J1939Socket, J1939_NO_NAME, J1939_NO_PGN};
    /// let j = J1939Socket::bound(("vcan0", J1939_NO_NAME, J1939_NO_PGN, 0x80))?;
    /// // More than 8 bytes go out with the transport protocol, still as one send.
    /// assert_eq!(j.send_to(&[0; 100], J1939Addr::to(0x12300, 0x90))?, 100);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn send_to<M>(&self, data: &[u8], dest: impl ToSockAddr<M>) -> io::Result<usize> {
        self.sock.send_to(data, dest)
    }

    /// Sends with priority `prio` (0..=7) for this packet only: sets `SO_J1939_SEND_PRIO`,
    /// sends, and puts the previous priority back (the kernel takes no per-packet priority).
    ///
    /// ```no_run
    /// use sock::can::{J1939Addr, J1939Socket, J1939_NO_NAME, J1939_NO_PGN};
    /// let j = J1939Socket::bound(("vcan0", J1939_NO_NAME, J1939_NO_PGN, 0x80))?;
    /// j.send_to_with_prio(b"urgent", J1939Addr::to(0x12300, 0x90), 0)?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn send_to_with_prio<M>(&self, data: &[u8], dest: impl ToSockAddr<M>, prio: u8) -> io::Result<usize> {
        let previous = self.send_prio()?;
        self.set_send_prio(prio)?;
        let sent = self.send_to(data, dest);
        self.set_send_prio(previous)?;
        sent
    }

    /// Receives one packet into `buf`, with its source and destination details
    /// ([`J1939Recv`]; the items are [`J1939Cmsg`](crate::J1939Cmsg)s).
    ///
    /// ```no_run
    /// use sock::can::{J1939Socket, J1939_NO_NAME, J1939_NO_PGN};
    /// let rx = J1939Socket::bound(("vcan0", J1939_NO_NAME, J1939_NO_PGN, 0x90))?;
    /// let mut buf = [0u8; 1785]; // the largest TP transfer
    /// let got = rx.recv(&mut buf)?;
    /// assert!(got.priority.is_some_and(|p| p <= 7));
    /// println!("{:02x?} from {:#x} to {:?}", &buf[..got.len], got.source.addr, got.dest_addr);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn recv(&self, buf: &mut [u8]) -> io::Result<J1939Recv> {
        let mut control = [0u8; 128];
        let msg = self.sock.recv_msg(&mut [std::io::IoSliceMut::new(buf)], &mut control, MsgFlags::NONE)?;
        let source = J1939Addr::decode_indexed(&msg.addr).unwrap_or_default();
        let mut out = J1939Recv { len: msg.bytes, source, dest_addr: None, dest_name: None, priority: None };
        for item in CmsgIter::new(&control[..msg.control_len]).filter_map(|c| c.decode::<J1939Cmsg>()) {
            match item {
                J1939Cmsg::DestAddr(a) => out.dest_addr = Some(a),
                J1939Cmsg::DestName(n) => out.dest_name = Some(n),
                J1939Cmsg::Prio(p) => out.priority = Some(p),
            }
        }
        Ok(out)
    }

    /// `SO_J1939_FILTER`: receive only packets matching one of `filters` (empty: all).
    /// More than `J1939_FILTER_MAX` is `InvalidInput` naming `filters`.
    ///
    /// ```no_run
    /// use sock::can::{J1939Filter, J1939Socket};
    /// let j = J1939Socket::new()?;
    /// j.set_filters(&[J1939Filter::pgn(0x12300), J1939Filter::source(0x80)])?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_filters(&self, filters: &[J1939Filter]) -> io::Result<()> {
        if filters.len() > J1939_FILTER_MAX {
            return Err(invalid_input("filters", "at most J1939_FILTER_MAX (512) filters"));
        }
        let bytes: Vec<u8> = filters.iter().flat_map(|f| f.encode()).collect();
        J1939_FILTER.set_bytes(&self.sock, &bytes)
    }

    /// `SO_J1939_PROMISC`: receive every packet on the bus.
    ///
    /// ```no_run
    /// let j = sock::can::J1939Socket::new()?;
    /// j.set_promisc(true)?;
    /// assert!(j.promisc()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_promisc(&self, on: bool) -> io::Result<()> {
        J1939_PROMISC.set(&self.sock, &on)
    }

    /// Whether promiscuous mode is on.
    ///
    /// ```no_run
    /// let j = sock::can::J1939Socket::new()?;
    /// assert!(!j.promisc()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn promisc(&self) -> io::Result<bool> {
        J1939_PROMISC.get(&self.sock)
    }

    /// `SO_J1939_SEND_PRIO`: the priority (0..=7) of sent packets; more is `InvalidInput`
    /// naming `prio`.
    ///
    /// ```no_run
    /// let j = sock::can::J1939Socket::new()?;
    /// j.set_send_prio(3)?;
    /// assert_eq!(j.send_prio()?, 3);
    /// assert_eq!(j.set_send_prio(8).unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_send_prio(&self, prio: u8) -> io::Result<()> {
        if prio > 7 {
            return Err(invalid_input("prio", "J1939 priorities are 0..=7"));
        }
        J1939_SEND_PRIO.set(&self.sock, &i32::from(prio))
    }

    /// The priority of sent packets (see [`set_send_prio`](J1939Socket::set_send_prio)).
    ///
    /// ```no_run
    /// assert_eq!(sock::can::J1939Socket::new()?.send_prio()?, 6); // the kernel's default
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn send_prio(&self) -> io::Result<u8> {
        let prio = J1939_SEND_PRIO.get(&self.sock)?;
        u8::try_from(prio).map_err(|_| {
            io::Error::new(io::ErrorKind::InvalidData, format!("SO_J1939_SEND_PRIO is {prio}, not a priority"))
        })
    }

    /// `SO_J1939_ERRQUEUE` alone (see [`set_tx_reports`](J1939Socket::set_tx_reports), which
    /// also turns on the timestamping flags the reports need).
    ///
    /// ```no_run
    /// let j = sock::can::J1939Socket::new()?;
    /// j.set_errqueue(true)?;
    /// assert!(j.errqueue()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_errqueue(&self, on: bool) -> io::Result<()> {
        J1939_ERRQUEUE.set(&self.sock, &on)
    }

    /// Whether the error queue is on (see [`set_errqueue`](J1939Socket::set_errqueue)).
    ///
    /// ```no_run
    /// assert!(!sock::can::J1939Socket::new()?.errqueue()?); // off by default
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn errqueue(&self) -> io::Result<bool> {
        J1939_ERRQUEUE.get(&self.sock)
    }

    /// Transfer reports on the error queue: `SO_J1939_ERRQUEUE` plus the `SO_TIMESTAMPING`
    /// flags that make the kernel report scheduled, acknowledged and aborted transfers
    /// ([`J1939_TX_REPORT_FLAGS`](crate::J1939_TX_REPORT_FLAGS)). Read them with
    /// [`recv_report`](J1939Socket::recv_report).
    ///
    /// ```no_run
    /// let j = sock::can::J1939Socket::new()?;
    /// j.set_tx_reports(true)?;
    /// assert!(j.errqueue()?); // and SO_TIMESTAMPING has J1939_TX_REPORT_FLAGS
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_tx_reports(&self, on: bool) -> io::Result<()> {
        let flags = if on { crate::J1939_TX_REPORT_FLAGS } else { 0 };
        TIMESTAMPING.set(&self.sock, &flags)?;
        self.set_errqueue(on)
    }

    /// Receives one error queue report (`MSG_ERRQUEUE`), waiting per the socket's mode;
    /// `None` if the message carried no J1939 report.
    ///
    /// ```no_run
    /// use sock::can::{J1939Addr, J1939Socket, J1939_NO_NAME, J1939_NO_PGN};
    /// let j = J1939Socket::bound(("vcan0", J1939_NO_NAME, J1939_NO_PGN, 0x80))?;
    /// j.set_tx_reports(true)?;
    /// j.send_to(&[0; 100], J1939Addr::to(0x12300, 0x90))?; // a transport-protocol transfer
    /// while let Some(report) = j.recv_report()? {
    ///     if report.is_acked() || report.is_aborted() {
    ///         break;
    ///     }
    /// }
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn recv_report(&self) -> io::Result<Option<crate::J1939Report>> {
        let mut data = [0u8; 64];
        let mut control = [0u8; 512];
        let msg = self.sock.recv_msg(&mut [std::io::IoSliceMut::new(&mut data)], &mut control, MsgFlags::ERRQUEUE)?;
        Ok(crate::J1939Report::parse(&control[..msg.control_len]))
    }

    /// `SO_BROADCAST`: allow sending to `J1939_NO_ADDR`.
    ///
    /// ```no_run
    /// use sock::can::{J1939Addr, J1939Socket, J1939_NO_ADDR, J1939_NO_NAME, J1939_NO_PGN};
    /// let j = J1939Socket::bound(("vcan0", J1939_NO_NAME, J1939_NO_PGN, 0x80))?;
    /// j.set_broadcast(true)?;
    /// j.send_to(b"all", J1939Addr::to(0x12300, J1939_NO_ADDR))?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_broadcast(&self, on: bool) -> io::Result<()> {
        BROADCAST.set(&self.sock, &on)
    }
}

impl ProtocolSocket for J1939Socket {
    const KIND: SocketKind = SocketKind {
        family: Family::CAN,
        types: &[Type::DGRAM],
        protocol: Some(Protocol(CAN_J1939)),
        name: "CAN_J1939",
    };

    fn wrap_checked(sock: Socket) -> io::Result<J1939Socket> {
        Ok(J1939Socket { sock })
    }

    fn into_inner(self) -> Socket {
        self.sock
    }
}

sock_core::protocol_socket!(J1939Socket, sock);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_layout() {
        let f = J1939Filter { name: 1, name_mask: 2, pgn: 3, pgn_mask: 4, addr: 5, addr_mask: 6 };
        let b = f.encode();
        assert_eq!(b[16..20], 3u32.to_ne_bytes());
        assert_eq!((b[24], b[25]), (5, 6));
        assert!(b[26..].iter().all(|&x| x == 0));
    }
}
