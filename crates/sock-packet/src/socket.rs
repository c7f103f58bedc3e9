//! [`PacketSocket`]: a [`Socket`] of family `AF_PACKET` with typed addresses and options.

use std::io;

use libc::c_int;
use sock_core::cmsg::CmsgIter;
use sock_core::{
    ErrorContext, Family, FamilyAddr, MsgFlags, Protocol, ProtocolSocket, SockAddr, Socket, SocketKind, Type,
};

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
/// Setup errors name what failed: `bind eth9: no such interface (ENODEV)`,
/// `PACKET_ADD_MEMBERSHIP eth9: no such interface (ENODEV)`,
/// `setsockopt PACKET_FANOUT: Invalid argument (EINVAL)`; receive and send pass the kernel's
/// errors through untouched.
///
/// ```no_run
/// use sock::packet::{Interface, PacketAddr, PacketSocket, ETH_P_ALL};
/// let sock = PacketSocket::bound(sock::Type::RAW, &PacketAddr::new(Interface::name("eth0")?, ETH_P_ALL))?;
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

/// Names a failed option by its kernel name: `setsockopt PACKET_AUXDATA: ...`.
#[cold]
fn option_error(e: io::Error, op: &'static str, name: &'static str) -> io::Error {
    sock_core::context(e, op, name)
}

impl PacketSocket {
    /// `socket(AF_PACKET, ty, htons(protocol))`: `ty` is `Type::RAW`/`Type::DGRAM` (or
    /// CPython's `SOCK_RAW`/`SOCK_DGRAM`), `protocol` is in **host** order here (`ETH_P_ALL`,
    /// `ETH_P_IP`...) and converted for the kernel; 0 receives nothing until `bind` names a
    /// protocol. Without `CAP_NET_RAW` this is `EPERM`.
    ///
    /// ```
    /// use sock::consts::SOCK_RAW;
    /// use sock::packet::{PacketSocket, ETH_P_ALL};
    /// let sock = PacketSocket::new(SOCK_RAW, ETH_P_ALL)?;
    /// assert_eq!(sock.as_ref().protocol().0, i32::from(ETH_P_ALL.to_be())); // network order inside
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(ty: impl Into<Type>, protocol: u16) -> io::Result<Self> {
        let sock = Socket::new(Family::PACKET, ty, Some(Protocol(c_int::from(protocol.to_be()))))?;
        Ok(PacketSocket { sock })
    }

    /// A socket of type `ty` for `addr.protocol`, bound to `addr` (its interface and
    /// protocol; a name is looked up on the new socket).
    ///
    /// ```
    /// use sock::packet::{IfName, PacketAddr, PacketSocket, ETH_P_802_EX1};
    /// let lo = PacketAddr::new(IfName::new("lo")?, ETH_P_802_EX1);
    /// let sock = PacketSocket::bound(sock::Type::DGRAM, &lo)?;
    /// assert_eq!(sock.local_addr()?.with_name(&sock)?.interface, lo.interface);
    /// let nowhere = PacketAddr::new(IfName::new("nosuch0")?, ETH_P_802_EX1);
    /// let e = PacketSocket::bound(sock::Type::DGRAM, &nowhere).unwrap_err();
    /// assert_eq!(e.to_string(), "bind nosuch0: no such interface (ENODEV)");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn bound(ty: impl Into<Type>, addr: &PacketAddr) -> io::Result<Self> {
        let sock = PacketSocket::new(ty, addr.protocol)?;
        sock.bind(addr)?;
        Ok(sock)
    }

    /// A `SOCK_RAW` socket: frames with their link-layer header.
    ///
    /// ```
    /// let sock = sock::packet::PacketSocket::raw(sock::packet::ETH_P_ALL)?;
    /// assert_eq!(sock.as_ref().ty(), sock::Type::RAW);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn raw(protocol: u16) -> io::Result<Self> {
        PacketSocket::new(Type::RAW, protocol)
    }

    /// A `SOCK_DGRAM` socket: payloads; the kernel builds and strips the link-layer header.
    ///
    /// ```
    /// let sock = sock::packet::PacketSocket::dgram(sock::packet::ETH_P_802_EX1)?;
    /// assert_eq!(sock.as_ref().ty(), sock::Type::DGRAM);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn dgram(protocol: u16) -> io::Result<Self> {
        PacketSocket::new(Type::DGRAM, protocol)
    }

    /// The index of interface `name` in this socket's network namespace (`SIOCGIFINDEX`).
    /// Names longer than 15 bytes are `InvalidInput`; an unknown one is
    /// `eth9: no such interface (ENODEV)`.
    ///
    /// ```
    /// let sock = sock::packet::PacketSocket::raw(0)?;
    /// assert_eq!(sock.if_index("lo")?, 1);
    /// assert_eq!(sock.if_name(1)?.to_string(), "lo");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn if_index(&self, name: &str) -> io::Result<u32> {
        if_index(&self.sock, &IfName::new(name)?)
    }

    /// The name of interface `index` in this socket's network namespace (`SIOCGIFNAME`); see
    /// [`if_index`](PacketSocket::if_index).
    ///
    /// ```
    /// let sock = sock::packet::PacketSocket::raw(0)?; // protocol 0: receives nothing
    /// let lo = sock.if_index("lo")?;
    /// assert_eq!(sock.if_name(lo)?.to_string(), "lo");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn if_name(&self, index: u32) -> io::Result<IfName> {
        if_name(&self.sock, index)
    }

    /// Binds to an interface (index 0: all) and protocol; the packet type, hardware type and
    /// address are ignored by the kernel here. A failure names the address:
    /// `bind eth9: no such interface (ENODEV)`, `bind #99/0x0003: no such interface (ENODEV)`.
    ///
    /// ```
    /// use sock::packet::{Interface, PacketAddr, PacketSocket, ETH_P_ALL};
    /// let sock = PacketSocket::raw(ETH_P_ALL)?;
    /// sock.bind(&PacketAddr::new(Interface::name("lo")?, ETH_P_ALL))?;
    /// assert_eq!(sock.local_addr()?.protocol, ETH_P_ALL);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn bind(&self, addr: &PacketAddr) -> io::Result<()> {
        let raw = addr.encode_on(&self.sock).map_err(|e| sock_core::context(e, "bind", ""))?;
        self.sock.bind(raw).map_err(|e| name_bind_error(e, &raw))
    }

    /// `getsockname`, decoded (interface by index; see [`PacketAddr::with_name`]).
    ///
    /// ```
    /// use sock::packet::{Interface, PacketAddr, PacketSocket, ETH_P_ALL};
    /// let sock = PacketSocket::bound(sock::Type::RAW, &PacketAddr::new(Interface::name("lo")?, ETH_P_ALL))?;
    /// assert_eq!(sock.local_addr()?.with_name(&sock)?.interface, Interface::name("lo")?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn local_addr(&self) -> io::Result<PacketAddr> {
        PacketAddr::decode(&self.sock.local_addr()?)
    }

    /// Receives one frame into `buf` and reports where it came from: the interface index,
    /// protocol, packet type (`PACKET_HOST`, `PACKET_OUTGOING`...), hardware type and the
    /// sender's hardware address. A frame longer than `buf` is cut (check with
    /// `MSG_TRUNC` through [`Socket::recv_msg`] if that matters).
    ///
    /// A frame sent on `lo` comes back as an incoming one:
    ///
    /// ```
    /// use sock::packet::{HwAddr, IfName, PacketAddr, PacketSocket, ETH_P_802_EX1, PACKET_HOST};
    /// let lo = PacketAddr::new(IfName::new("lo")?, ETH_P_802_EX1);
    /// let rx = PacketSocket::bound(sock::Type::DGRAM, &lo)?;
    /// # rx.as_ref().set_timeout(Some(std::time::Duration::from_secs(5)))?;
    /// PacketSocket::dgram(ETH_P_802_EX1)?.send_to(b"ping", &lo.with_hwaddr(HwAddr::ether([0; 6])))?;
    /// let mut buf = [0u8; 64];
    /// let (n, from) = rx.recv_from(&mut buf)?;
    /// assert_eq!((&buf[..n], from.protocol, from.pkttype), (&b"ping"[..], ETH_P_802_EX1, PACKET_HOST));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn recv_from(&self, buf: &mut [u8]) -> io::Result<(usize, PacketAddr)> {
        let (n, addr) = self.sock.recv_from(buf)?;
        Ok((n, PacketAddr::decode(&addr)?))
    }

    /// Sends `buf` to `addr`: on `SOCK_RAW`, `buf` is the whole frame and `addr` picks the
    /// interface; on `SOCK_DGRAM`, `addr.hwaddr` is the destination and `addr.protocol` the
    /// frame's protocol.
    ///
    /// ```no_run
    /// use sock::packet::{HwAddr, PacketAddr, PacketSocket, ETH_P_802_EX1};
    /// let sock = PacketSocket::dgram(ETH_P_802_EX1)?;
    /// let to = PacketAddr::new(sock.if_index("eth0")?, ETH_P_802_EX1).with_hwaddr(HwAddr::BROADCAST);
    /// sock.send_to(b"hello, link", &to)?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn send_to(&self, buf: &[u8], addr: &PacketAddr) -> io::Result<usize> {
        self.sock.send_to(buf, addr)
    }

    /// Receives one frame with its `PACKET_AUXDATA` item (present once
    /// [`PacketSocket::set_auxdata`] is on; `None` otherwise). Uses a stack buffer for the
    /// control data; no allocation.
    ///
    /// ```no_run
    /// use sock::packet::{Interface, PacketAddr, PacketSocket, ETH_P_ALL};
    /// let sock = PacketSocket::bound(sock::Type::RAW, &PacketAddr::new(Interface::name("lo")?, ETH_P_ALL))?;
    /// sock.set_auxdata(true)?;
    /// let mut frame = [0u8; 2048];
    /// let (n, _from, aux) = sock.recv_with_auxdata(&mut frame)?;
    /// println!("{n} of {:?} bytes, VLAN {:?}", aux.map(|a| a.len), aux.and_then(|a| a.vlan_tci()));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn recv_with_auxdata(&self, buf: &mut [u8]) -> io::Result<(usize, PacketAddr, Option<AuxData>)> {
        let mut control = [0u8; 64];
        let got = self.sock.recv_msg(&mut [std::io::IoSliceMut::new(buf)], &mut control, MsgFlags::NONE)?;
        let aux = CmsgIter::new(&control[..got.control_len]).find_map(|c| c.decode::<AuxData>());
        Ok((got.bytes, PacketAddr::decode(&got.addr)?, aux))
    }

    fn membership(
        &self,
        op: &'static str,
        name: c_int,
        interface: Interface,
        membership: Membership,
    ) -> io::Result<()> {
        let named = |e| sock_core::context(e, op, interface);
        let mreq = membership.to_mreq(interface.resolve(&self.sock).map_err(named)?)?;
        self.sock.setsockopt_bytes(SOL_PACKET, name, &mreq).map_err(named)
    }

    /// `PACKET_ADD_MEMBERSHIP`: puts `interface` in promiscuous or all-multicast mode, or
    /// joins a multicast address, for as long as this socket lives (or until dropped). A
    /// failure names the interface: `PACKET_ADD_MEMBERSHIP eth9: no such interface (ENODEV)`.
    ///
    /// ```no_run
    /// use sock::packet::{IfName, Membership, PacketSocket, ETH_P_ALL};
    /// let sock = PacketSocket::raw(ETH_P_ALL)?;
    /// sock.add_membership(IfName::new("eth0")?, Membership::Promisc)?;
    /// sock.drop_membership(IfName::new("eth0")?, Membership::Promisc)?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn add_membership(&self, interface: impl Into<Interface>, membership: Membership) -> io::Result<()> {
        self.membership("PACKET_ADD_MEMBERSHIP", PACKET_ADD_MEMBERSHIP, interface.into(), membership)
    }

    /// `PACKET_DROP_MEMBERSHIP`: undoes one [`PacketSocket::add_membership`].
    ///
    /// ```
    /// use sock::packet::{IfName, Membership, PacketSocket};
    /// let sock = PacketSocket::raw(0)?;
    /// sock.add_membership(IfName::new("lo")?, Membership::AllMulti)?;
    /// sock.drop_membership(IfName::new("lo")?, Membership::AllMulti)?;
    /// let e = sock.drop_membership(IfName::new("nosuch0")?, Membership::AllMulti).unwrap_err();
    /// assert_eq!(e.to_string(), "PACKET_DROP_MEMBERSHIP nosuch0: no such interface (ENODEV)");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn drop_membership(&self, interface: impl Into<Interface>, membership: Membership) -> io::Result<()> {
        self.membership("PACKET_DROP_MEMBERSHIP", PACKET_DROP_MEMBERSHIP, interface.into(), membership)
    }

    fn set_flag(&self, name: c_int, text: &'static str, on: bool) -> io::Result<()> {
        self.sock.set_flag(SOL_PACKET, name, on).map_err(|e| option_error(e, "setsockopt", text))
    }

    fn get_flag(&self, name: c_int, text: &'static str) -> io::Result<bool> {
        self.sock.get_flag(SOL_PACKET, name).map_err(|e| option_error(e, "getsockopt", text))
    }

    /// `PACKET_AUXDATA`: deliver an [`AuxData`] item with every frame (see
    /// [`recv_with_auxdata`](PacketSocket::recv_with_auxdata)).
    ///
    /// ```
    /// let sock = sock::packet::PacketSocket::raw(0)?;
    /// sock.set_auxdata(true)?;
    /// assert!(sock.auxdata()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_auxdata(&self, on: bool) -> io::Result<()> {
        self.set_flag(PACKET_AUXDATA, "PACKET_AUXDATA", on)
    }

    /// Whether `PACKET_AUXDATA` is on (see [`set_auxdata`](PacketSocket::set_auxdata)).
    ///
    /// ```
    /// assert!(!sock::packet::PacketSocket::raw(0)?.auxdata()?); // off by default
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn auxdata(&self) -> io::Result<bool> {
        self.get_flag(PACKET_AUXDATA, "PACKET_AUXDATA")
    }

    /// `PACKET_ORIGDEV`: report the original device (a bond's slave) instead of the master.
    ///
    /// ```
    /// let sock = sock::packet::PacketSocket::raw(0)?;
    /// sock.set_origdev(true)?;
    /// assert!(sock.origdev()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_origdev(&self, on: bool) -> io::Result<()> {
        self.set_flag(PACKET_ORIGDEV, "PACKET_ORIGDEV", on)
    }

    /// Whether `PACKET_ORIGDEV` is on (see [`set_origdev`](PacketSocket::set_origdev)).
    ///
    /// ```
    /// assert!(!sock::packet::PacketSocket::raw(0)?.origdev()?); // off by default
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn origdev(&self) -> io::Result<bool> {
        self.get_flag(PACKET_ORIGDEV, "PACKET_ORIGDEV")
    }

    /// `PACKET_IGNORE_OUTGOING`: do not deliver frames this host sends (`PACKET_OUTGOING`).
    ///
    /// ```
    /// let sock = sock::packet::PacketSocket::raw(0)?;
    /// sock.set_ignore_outgoing(true)?;
    /// assert!(sock.ignore_outgoing()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_ignore_outgoing(&self, on: bool) -> io::Result<()> {
        self.set_flag(PACKET_IGNORE_OUTGOING, "PACKET_IGNORE_OUTGOING", on)
    }

    /// Whether `PACKET_IGNORE_OUTGOING` is on (see
    /// [`set_ignore_outgoing`](PacketSocket::set_ignore_outgoing)).
    ///
    /// ```
    /// assert!(!sock::packet::PacketSocket::raw(0)?.ignore_outgoing()?); // off by default
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn ignore_outgoing(&self) -> io::Result<bool> {
        self.get_flag(PACKET_IGNORE_OUTGOING, "PACKET_IGNORE_OUTGOING")
    }

    /// `PACKET_FANOUT`: joins (or creates) a fanout group. The socket must be bound first;
    /// a socket cannot leave a group except by closing.
    ///
    /// ```
    /// use sock::packet::{Fanout, Interface, PacketAddr, PacketSocket, ETH_P_ALL, PACKET_FANOUT_HASH};
    /// let lo = PacketAddr::new(Interface::name("lo")?, ETH_P_ALL);
    /// let (a, b) = (PacketSocket::bound(sock::Type::RAW, &lo)?, PacketSocket::bound(sock::Type::RAW, &lo)?);
    /// a.set_fanout(Fanout::new(7, PACKET_FANOUT_HASH))?;
    /// b.set_fanout(Fanout::new(7, PACKET_FANOUT_HASH))?;
    /// assert_eq!(a.fanout()?, Some(Fanout::new(7, PACKET_FANOUT_HASH)));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_fanout(&self, fanout: Fanout) -> io::Result<()> {
        self.sock
            .setsockopt_int(SOL_PACKET, PACKET_FANOUT, fanout.to_raw() as c_int)
            .map_err(|e| option_error(e, "setsockopt", "PACKET_FANOUT"))
    }

    /// The fanout group this socket is in, if any (see [`set_fanout`](PacketSocket::set_fanout)).
    ///
    /// ```
    /// use sock::packet::{Fanout, IfName, PacketAddr, PacketSocket, PACKET_FANOUT_CPU, PACKET_FANOUT_FLAG_ROLLOVER};
    /// let sock = PacketSocket::bound(sock::Type::RAW, &PacketAddr::new(IfName::new("lo")?, 0x88b6))?;
    /// assert_eq!(sock.fanout()?, None);
    /// let group = Fanout::new(0x5ec, PACKET_FANOUT_CPU).with_flags(PACKET_FANOUT_FLAG_ROLLOVER);
    /// sock.set_fanout(group)?;
    /// assert_eq!(sock.fanout()?, Some(group));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn fanout(&self) -> io::Result<Option<Fanout>> {
        let raw = self
            .sock
            .getsockopt_int(SOL_PACKET, PACKET_FANOUT)
            .map_err(|e| option_error(e, "getsockopt", "PACKET_FANOUT"))? as u32;
        Ok((raw != 0).then(|| Fanout::from_raw(raw)))
    }

    /// `PACKET_STATISTICS`: frames seen and dropped since the last call (reading resets them).
    ///
    /// ```
    /// use sock::packet::{HwAddr, IfName, PacketAddr, PacketSocket, TpacketStats};
    /// let lo = PacketAddr::new(IfName::new("lo")?, 0x88b7); // an unused ethertype
    /// let rx = PacketSocket::bound(sock::Type::DGRAM, &lo)?;
    /// # rx.as_ref().set_timeout(Some(std::time::Duration::from_secs(5)))?;
    /// PacketSocket::dgram(0x88b7)?.send_to(b"one", &lo.with_hwaddr(HwAddr::ether([0; 6])))?;
    /// rx.recv_from(&mut [0u8; 16])?;
    /// assert_eq!(rx.statistics()?, TpacketStats { packets: 1, drops: 0 });
    /// assert_eq!(rx.statistics()?, TpacketStats::default()); // reading reset them
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn statistics(&self) -> io::Result<TpacketStats> {
        let mut buf = [0u8; TpacketStats::LEN];
        let n = self
            .sock
            .getsockopt_into(SOL_PACKET, PACKET_STATISTICS, &mut buf)
            .map_err(|e| option_error(e, "getsockopt", "PACKET_STATISTICS"))?;
        TpacketStats::from_bytes(&buf[..n])
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "short PACKET_STATISTICS reply"))
    }
}

/// A failed `bind`: sock-core names an `AF_PACKET` address by its bytes; name it in this
/// crate's text form instead (`bind #99/0x0003: no such interface (ENODEV)`).
#[cold]
fn name_bind_error(e: io::Error, raw: &SockAddr) -> io::Error {
    let Ok(addr) = PacketAddr::decode(raw) else { return e };
    match ErrorContext::renamed(e, raw, addr) {
        Ok(ctx) if ctx.inner().raw_os_error() == Some(libc::ENODEV) => ctx.text("no such interface").into(),
        Ok(ctx) => ctx.into(),
        Err(e) => e,
    }
}
