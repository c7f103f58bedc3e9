//! [`PacketSocket`]: a [`Socket`] of family `AF_PACKET` with typed addresses and options.

use std::io;

use libc::c_int;
use sock_core::cmsg::CmsgIter;
use sock_core::{Family, FamilyAddr, Protocol, ProtocolSocket, Socket, SocketKind, Type};

use crate::addr::PacketAddr;
use crate::consts::{
    PACKET_ADD_MEMBERSHIP, PACKET_AUXDATA, PACKET_DROP_MEMBERSHIP, PACKET_FANOUT, PACKET_IGNORE_OUTGOING,
    PACKET_ORIGDEV, PACKET_STATISTICS, SOL_PACKET,
};
use crate::options::{AuxData, Fanout, Membership, TpacketStats};
use sock_core::{if_index, if_name, IfName, Interface};

/// An `AF_PACKET` socket: `SOCK_RAW` sees whole link-layer frames, `SOCK_DGRAM` ("cooked")
/// sees and sends payloads while the kernel handles the link-layer header.
///
/// It wraps a [`Socket`] (modes, timeouts, `recv_msg`... are there: [`ProtocolSocket::socket`],
/// [`ProtocolSocket::into_inner`]) and adds typed addresses and the `PACKET_*` options.
/// Creating one needs `CAP_NET_RAW`. Constructors: [`PacketSocket::new`] (and its shorthands
/// [`raw`](PacketSocket::raw), [`dgram`](PacketSocket::dgram)), [`PacketSocket::bound`];
/// `TryFrom<Socket>` checks the family and type.
///
/// ```no_run
/// use sock_packet::{PacketAddr, PacketSocket, ETH_P_ALL};
/// use sock_core::Type;
/// let sock = PacketSocket::bound(Type::RAW, &PacketAddr::new(sock_packet::Interface::name("eth0")?, ETH_P_ALL))?;
/// let mut frame = [0u8; 2048];
/// let (n, from) = sock.recv_from(&mut frame)?;
/// println!("{n} bytes, {}", from.with_name(&sock)?);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct PacketSocket {
    sock: Socket,
}

impl ProtocolSocket for PacketSocket {
    const KIND: SocketKind =
        SocketKind { family: Family::PACKET, types: &[Type::RAW, Type::DGRAM], protocol: None, name: "AF_PACKET" };

    fn wrap_checked(sock: Socket) -> io::Result<Self> {
        Ok(PacketSocket { sock })
    }

    fn into_inner(self) -> Socket {
        self.sock
    }
}

sock_core::protocol_socket!(PacketSocket, sock);

impl PacketSocket {
    /// `socket(AF_PACKET, ty, htons(protocol))`: `protocol` is in **host** order here
    /// (`ETH_P_ALL`, `ETH_P_IP`...) and converted for the kernel; 0 receives nothing until
    /// `bind` names a protocol.
    pub fn new(ty: Type, protocol: u16) -> io::Result<Self> {
        let sock = Socket::new(Family::PACKET, ty, Some(Protocol(c_int::from(protocol.to_be()))))?;
        Ok(PacketSocket { sock })
    }

    /// A socket of type `ty` for `addr.protocol`, bound to `addr` (its interface and
    /// protocol; a name is looked up on the new socket).
    pub fn bound(ty: Type, addr: &PacketAddr) -> io::Result<Self> {
        let sock = PacketSocket::new(ty, addr.protocol)?;
        sock.bind(addr)?;
        Ok(sock)
    }

    /// A `SOCK_RAW` socket: frames with their link-layer header.
    pub fn raw(protocol: u16) -> io::Result<Self> {
        PacketSocket::new(Type::RAW, protocol)
    }

    /// A `SOCK_DGRAM` socket: payloads; the kernel builds and strips the link-layer header.
    pub fn dgram(protocol: u16) -> io::Result<Self> {
        PacketSocket::new(Type::DGRAM, protocol)
    }

    /// The index of interface `name` in this socket's network namespace (`SIOCGIFINDEX`).
    /// Names longer than 15 bytes are `InvalidInput`.
    pub fn if_index(&self, name: &str) -> io::Result<u32> {
        if_index(&self.sock, &IfName::new(name)?)
    }

    /// The name of interface `index` in this socket's network namespace (`SIOCGIFNAME`).
    pub fn if_name(&self, index: u32) -> io::Result<IfName> {
        if_name(&self.sock, index)
    }

    /// Binds to an interface (index 0: all) and protocol; the packet type, hardware type and
    /// address are ignored by the kernel here.
    pub fn bind(&self, addr: &PacketAddr) -> io::Result<()> {
        self.sock.bind(addr)
    }

    /// `getsockname`, decoded (interface by index; see [`PacketAddr::with_name`]).
    pub fn local_addr(&self) -> io::Result<PacketAddr> {
        PacketAddr::decode(&self.sock.local_addr()?)
    }

    /// Receives one frame into `buf` and reports where it came from: the interface index,
    /// protocol, packet type (`PACKET_HOST`, `PACKET_OUTGOING`...), hardware type and the
    /// sender's hardware address. A frame longer than `buf` is cut (check with
    /// `MSG_TRUNC` through [`Socket::recv_msg`] if that matters).
    pub fn recv_from(&self, buf: &mut [u8]) -> io::Result<(usize, PacketAddr)> {
        let (n, addr) = self.sock.recv_from(buf)?;
        Ok((n, PacketAddr::decode(&addr)?))
    }

    /// Sends `buf` to `addr`: on `SOCK_RAW`, `buf` is the whole frame and `addr` picks the
    /// interface; on `SOCK_DGRAM`, `addr.hwaddr` is the destination and `addr.protocol` the
    /// frame's protocol.
    pub fn send_to(&self, buf: &[u8], addr: &PacketAddr) -> io::Result<usize> {
        self.sock.send_to(buf, addr)
    }

    /// Receives one frame with its `PACKET_AUXDATA` item (present once
    /// [`PacketSocket::set_auxdata`] is on; `None` otherwise). Uses a stack buffer for the
    /// control data; no allocation.
    pub fn recv_with_auxdata(&self, buf: &mut [u8]) -> io::Result<(usize, PacketAddr, Option<AuxData>)> {
        let mut control = [0u8; 64];
        let got = self.sock.recv_msg(&mut [std::io::IoSliceMut::new(buf)], &mut control, 0)?;
        let aux = CmsgIter::new(&control[..got.control_len])
            .find(|c| c.level == SOL_PACKET && c.ty == PACKET_AUXDATA)
            .and_then(|c| AuxData::from_bytes(c.data));
        Ok((got.bytes, PacketAddr::decode(&got.addr)?, aux))
    }

    fn membership(&self, name: c_int, interface: Interface, membership: Membership) -> io::Result<()> {
        let mreq = membership.to_mreq(interface.resolve(&self.sock)?)?;
        self.sock.setsockopt_bytes(SOL_PACKET, name, &mreq)
    }

    /// `PACKET_ADD_MEMBERSHIP`: puts `interface` in promiscuous or all-multicast mode, or
    /// joins a multicast address, for as long as this socket lives (or until dropped).
    pub fn add_membership(&self, interface: impl Into<Interface>, membership: Membership) -> io::Result<()> {
        self.membership(PACKET_ADD_MEMBERSHIP, interface.into(), membership)
    }

    /// `PACKET_DROP_MEMBERSHIP`: undoes one [`PacketSocket::add_membership`].
    pub fn drop_membership(&self, interface: impl Into<Interface>, membership: Membership) -> io::Result<()> {
        self.membership(PACKET_DROP_MEMBERSHIP, interface.into(), membership)
    }

    /// `PACKET_AUXDATA`: deliver an [`AuxData`] item with every frame.
    pub fn set_auxdata(&self, on: bool) -> io::Result<()> {
        self.sock.set_flag(SOL_PACKET, PACKET_AUXDATA, on)
    }

    /// Whether `PACKET_AUXDATA` is on.
    pub fn auxdata(&self) -> io::Result<bool> {
        self.sock.get_flag(SOL_PACKET, PACKET_AUXDATA)
    }

    /// `PACKET_ORIGDEV`: report the original device (a bond's slave) instead of the master.
    pub fn set_origdev(&self, on: bool) -> io::Result<()> {
        self.sock.set_flag(SOL_PACKET, PACKET_ORIGDEV, on)
    }

    /// Whether `PACKET_ORIGDEV` is on.
    pub fn origdev(&self) -> io::Result<bool> {
        self.sock.get_flag(SOL_PACKET, PACKET_ORIGDEV)
    }

    /// `PACKET_IGNORE_OUTGOING`: do not deliver frames this host sends (`PACKET_OUTGOING`).
    pub fn set_ignore_outgoing(&self, on: bool) -> io::Result<()> {
        self.sock.set_flag(SOL_PACKET, PACKET_IGNORE_OUTGOING, on)
    }

    /// Whether `PACKET_IGNORE_OUTGOING` is on.
    pub fn ignore_outgoing(&self) -> io::Result<bool> {
        self.sock.get_flag(SOL_PACKET, PACKET_IGNORE_OUTGOING)
    }

    /// `PACKET_FANOUT`: joins (or creates) a fanout group. The socket must be bound first;
    /// a socket cannot leave a group except by closing.
    pub fn set_fanout(&self, fanout: Fanout) -> io::Result<()> {
        self.sock.setsockopt_int(SOL_PACKET, PACKET_FANOUT, fanout.to_raw() as c_int)
    }

    /// The fanout group this socket is in, if any.
    pub fn fanout(&self) -> io::Result<Option<Fanout>> {
        let raw = self.sock.getsockopt_int(SOL_PACKET, PACKET_FANOUT)? as u32;
        Ok((raw != 0).then(|| Fanout::from_raw(raw)))
    }

    /// `PACKET_STATISTICS`: frames seen and dropped since the last call (reading resets them).
    pub fn statistics(&self) -> io::Result<TpacketStats> {
        let mut buf = [0u8; TpacketStats::LEN];
        let n = self.sock.getsockopt_into(SOL_PACKET, PACKET_STATISTICS, &mut buf)?;
        TpacketStats::from_bytes(&buf[..n])
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "short PACKET_STATISTICS reply"))
    }
}
