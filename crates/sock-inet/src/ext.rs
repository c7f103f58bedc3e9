//! [`InetSocketExt`]: the IP-level methods of [`Socket`], sealed like every family's extension
//! trait. Where socket2 already has the call (multicast membership, `TCP_CONGESTION`,
//! `TCP_NODELAY`, `IP_TTL` ...), it is used through a borrowed `socket2::SockRef`; the checks
//! socket2 leaves out (an interface index must fit the kernel's `int`, a congestion control
//! name must not be cut short) come first.

use std::fmt;
use std::io;
use std::net::{Ipv4Addr, Ipv6Addr};

use libc::c_int;
use socket2::{InterfaceIndexOrAddress, SockRef};

use sock_core::{context, ErrorContext, Socket};

use crate::consts::*;
use crate::options::{congestion_name, cscov, ifindex_int, ip_mreqn};
use crate::tcp_info::TcpInfo;

mod sealed {
    /// Only `sock_core::Socket` implements [`InetSocketExt`](super::InetSocketExt).
    pub trait Sealed {}
    impl Sealed for sock_core::Socket {}
}

/// socket2's view of `socket`, borrowed (no dup, nothing closed on drop).
fn s2(socket: &Socket) -> SockRef<'_> {
    SockRef::from(socket)
}

/// The interface of an `ip_mreqn`: by index when `ifindex` is not 0 (checked to fit the
/// kernel's `int`), else by address.
fn v4_interface(interface: Ipv4Addr, ifindex: u32) -> io::Result<InterfaceIndexOrAddress> {
    Ok(match ifindex_int(ifindex)? {
        0 => InterfaceIndexOrAddress::Address(interface),
        _ => InterfaceIndexOrAddress::Index(ifindex),
    })
}

/// The interface of a multicast call, as its errors name it: `#2` by index, the local
/// address, or `any interface`.
struct Iface(Option<Ipv4Addr>, u32);

impl fmt::Display for Iface {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Iface(_, index) if index != 0 => write!(f, "#{index}"),
            Iface(Some(addr), _) if !addr.is_unspecified() => write!(f, "{addr}"),
            _ => f.write_str("any interface"),
        }
    }
}

/// `{group} on {interface}`: what a membership call names in its errors.
struct Group<G>(G, Iface);

impl<G: fmt::Display> fmt::Display for Group<G> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} on {}", self.0, self.1)
    }
}

/// IP-level options on a [`Socket`] as methods (sealed: implemented for `Socket` only): the
/// ones whose values are structures or strings (multicast groups, `TCP_CONGESTION`,
/// `TCP_INFO`) or have a range (`UDPLITE_*_CSCOV`, `UDP_SEGMENT`), and socket2's typed
/// accessors of the common ones (`TCP_NODELAY`, `IP_TTL`, `IPV6_V6ONLY`, multicast loop and
/// hops). Every option is also a declaration in [`opt`](crate::opt).
///
/// ```
/// use sock::{Socket, Family, Type};
/// use sock::inet::InetSocketExt;
/// let s = Socket::new(Family::INET, Type::STREAM, None)?;
/// let cc = s.tcp_congestion()?;
/// assert!(!cc.is_empty());
/// # Ok::<(), std::io::Error>(())
/// ```
pub trait InetSocketExt: sealed::Sealed {
    /// `IP_ADD_MEMBERSHIP` with an `ip_mreqn`: joins `group` on the interface with index
    /// `ifindex`, or (`ifindex` 0) the one with address `interface` (`0.0.0.0`: the kernel
    /// chooses) — the kernel's own precedence. Here
    /// and in the other multicast calls, an `ifindex` over `i32::MAX` (the kernel's `int`) is
    /// `InvalidInput`.
    ///
    /// ```
    /// use sock::inet::InetSocketExt;
    /// let s = sock::Socket::new(sock::Family::INET, sock::Type::DGRAM, None)?;
    /// let group = std::net::Ipv4Addr::new(239, 1, 2, 3);
    /// s.join_multicast_v4(group, std::net::Ipv4Addr::LOCALHOST, 0)?;
    /// s.leave_multicast_v4(group, std::net::Ipv4Addr::LOCALHOST, 0)?;
    /// let err = s.join_multicast_v4(std::net::Ipv4Addr::new(10, 0, 0, 1), std::net::Ipv4Addr::UNSPECIFIED, 0).unwrap_err();
    /// assert_eq!(err.to_string(), "join_multicast_v4 10.0.0.1 on any interface: Invalid argument (EINVAL)");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn join_multicast_v4(&self, group: Ipv4Addr, interface: Ipv4Addr, ifindex: u32) -> io::Result<()>;
    /// `IP_DROP_MEMBERSHIP`: leaves a group joined with [`join_multicast_v4`](Self::join_multicast_v4).
    ///
    /// ```
    /// use sock::inet::InetSocketExt;
    /// let s = sock::Socket::new(sock::Family::INET, sock::Type::DGRAM, None)?;
    /// let group = std::net::Ipv4Addr::new(239, 1, 2, 4);
    /// s.join_multicast_v4(group, std::net::Ipv4Addr::LOCALHOST, 0)?;
    /// s.leave_multicast_v4(group, std::net::Ipv4Addr::LOCALHOST, 0)?;
    /// let again = s.leave_multicast_v4(group, std::net::Ipv4Addr::LOCALHOST, 0).unwrap_err();
    /// assert_eq!(sock::errno(&again), Some(libc::EADDRNOTAVAIL));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn leave_multicast_v4(&self, group: Ipv4Addr, interface: Ipv4Addr, ifindex: u32) -> io::Result<()>;
    /// `IP_MULTICAST_IF` with an `ip_mreqn`: the interface (by address or index) multicast is
    /// sent from.
    ///
    /// ```
    /// use sock::inet::InetSocketExt;
    /// let s = sock::Socket::new(sock::Family::INET, sock::Type::DGRAM, None)?;
    /// s.set_multicast_if_v4(std::net::Ipv4Addr::LOCALHOST, 0)?;
    /// assert_eq!(s.multicast_if_v4()?, std::net::Ipv4Addr::LOCALHOST);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn set_multicast_if_v4(&self, interface: Ipv4Addr, ifindex: u32) -> io::Result<()>;
    /// `IP_MULTICAST_IF`: the local address multicast is sent from (`0.0.0.0` if unset).
    ///
    /// ```
    /// use sock::inet::InetSocketExt;
    /// let s = sock::Socket::new(sock::Family::INET, sock::Type::DGRAM, None)?;
    /// assert_eq!(s.multicast_if_v4()?, std::net::Ipv4Addr::UNSPECIFIED);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn multicast_if_v4(&self) -> io::Result<Ipv4Addr>;
    /// `IPV6_JOIN_GROUP`: joins `group` on interface `ifindex` (0: the kernel chooses).
    ///
    /// ```
    /// use sock::inet::InetSocketExt;
    /// let s = sock::Socket::new(sock::Family::INET6, sock::Type::DGRAM, None)?;
    /// let lo = sock::if_nametoindex("lo")?;
    /// match s.join_multicast_v6("ff02::1:3".parse().unwrap(), lo) {
    ///     Ok(()) => s.leave_multicast_v6("ff02::1:3".parse().unwrap(), lo)?,
    ///     Err(e) => println!("no IPv6 multicast on lo here: {e}"),
    /// }
    /// let err = s.join_multicast_v6("ff02::1".parse().unwrap(), 999_999).unwrap_err();
    /// assert_eq!(err.to_string(), "join_multicast_v6 ff02::1 on #999999: No such device (ENODEV)");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn join_multicast_v6(&self, group: Ipv6Addr, ifindex: u32) -> io::Result<()>;
    /// `IPV6_LEAVE_GROUP`.
    ///
    /// ```
    /// use sock::inet::InetSocketExt;
    /// let s = sock::Socket::new(sock::Family::INET6, sock::Type::DGRAM, None)?;
    /// let err = s.leave_multicast_v6("ff02::1:4".parse().unwrap(), 0).unwrap_err();
    /// assert!(err.to_string().starts_with("leave_multicast_v6 ff02::1:4 on any interface: "));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn leave_multicast_v6(&self, group: Ipv6Addr, ifindex: u32) -> io::Result<()>;
    /// `TCP_CONGESTION`: the congestion control algorithm's name.
    ///
    /// ```
    /// use sock::inet::InetSocketExt;
    /// let s = sock::Socket::new(sock::Family::INET, sock::Type::STREAM, None)?;
    /// let cc = s.tcp_congestion()?;
    /// assert!(!cc.is_empty()); // "cubic" on most systems
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn tcp_congestion(&self) -> io::Result<String>;
    /// `TCP_CONGESTION`: selects an algorithm by name (`ENOENT` if the kernel has no such one).
    /// A name with a NUL character or over 15 bytes, which the kernel would cut short, is
    /// `InvalidInput` naming `name`.
    ///
    /// ```
    /// use sock::inet::InetSocketExt;
    /// let s = sock::Socket::new(sock::Family::INET, sock::Type::STREAM, None)?;
    /// s.set_tcp_congestion("reno")?;
    /// assert_eq!(s.tcp_congestion()?, "reno");
    /// let err = s.set_tcp_congestion("no-such-cc").unwrap_err();
    /// assert_eq!(err.to_string(), "set_tcp_congestion no-such-cc: no such congestion control algorithm (ENOENT)");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn set_tcp_congestion(&self, name: &str) -> io::Result<()>;
    /// `TCP_INFO`: the connection's statistics.
    ///
    /// ```
    /// use sock::inet::InetSocketExt;
    /// let s = sock::Socket::new(sock::Family::INET, sock::Type::STREAM, None)?;
    /// let info = s.tcp_info()?;
    /// assert_eq!(info.state, 7); // TCP_CLOSE: not connected yet
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn tcp_info(&self) -> io::Result<TcpInfo>;
    /// `UDPLITE_SEND_CSCOV`: how many leading bytes of each sent datagram (UDP-Lite header
    /// included) the checksum covers: 0 for all, else 8–65535 (CPython's documented
    /// `range(8, 2**16, 8)` plus 0; the kernel takes any value in 8..=65535).
    ///
    /// ```
    /// use sock::inet::InetSocketExt;
    /// let s = sock::Socket::new(sock::Family::INET, sock::Type::DGRAM, sock::Protocol::UDPLITE)?;
    /// s.set_udplite_send_cscov(20)?;
    /// assert_eq!(s.get(sock::inet::opt::UDPLITE_SEND_CSCOV)?, 20);
    /// assert_eq!(s.set_udplite_send_cscov(7).unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn set_udplite_send_cscov(&self, length: u16) -> io::Result<()>;
    /// `UDPLITE_RECV_CSCOV`: the least coverage a received datagram must have (0 or
    /// 8–65535), smaller ones are dropped.
    ///
    /// ```
    /// use sock::inet::InetSocketExt;
    /// let s = sock::Socket::new(sock::Family::INET, sock::Type::DGRAM, sock::Protocol::UDPLITE)?;
    /// s.set_udplite_recv_cscov(16)?;
    /// assert_eq!(s.get(sock::inet::opt::UDPLITE_RECV_CSCOV)?, 16);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn set_udplite_recv_cscov(&self, length: u16) -> io::Result<()>;
    /// `UDP_SEGMENT` (generic segmentation offload): every later send of more than
    /// `segment_size` bytes leaves as datagrams of `segment_size` bytes, the last possibly
    /// shorter; 0 turns it off. One send takes up to 64 KiB and 64 segments (Linux ≥ 6.10: 128),
    /// and the segment size must fit the path MTU, else the send fails with `EINVAL`. A per-send
    /// [`InetCmsg::UdpSegment`](crate::InetCmsg::UdpSegment) overrides it; check a `usize` with
    /// [`checked_segment_size`](crate::checked_segment_size).
    ///
    /// ```
    /// use sock::{Socket, Family, Type};
    /// use sock::inet::InetSocketExt;
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// tx.set_udp_segment(1000)?;
    /// assert_eq!(tx.udp_segment()?, 1000);
    /// tx.send_to(&[1u8; 2500], rx.local_addr()?)?;     // one send, three datagrams
    /// assert_eq!(rx.recv_vec(4000)?.len(), 1000);
    /// assert_eq!(rx.recv_vec(4000)?.len(), 1000);
    /// assert_eq!(rx.recv_vec(4000)?.len(), 500);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn set_udp_segment(&self, segment_size: u16) -> io::Result<()>;
    /// `UDP_SEGMENT`: the segment size of every send (0: off).
    ///
    /// ```
    /// use sock::inet::InetSocketExt;
    /// let s = sock::Socket::new(sock::Family::INET, sock::Type::DGRAM, None)?;
    /// assert_eq!(s.udp_segment()?, 0);
    /// s.set_udp_segment(1200)?;
    /// assert_eq!(s.udp_segment()?, 1200);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn udp_segment(&self) -> io::Result<u16>;
    /// `UDP_GRO` (generic receive offload): when on, one receive may return several datagrams
    /// of one sender, coalesced, with an [`InetCmsg::UdpGro`](crate::InetCmsg::UdpGro) item
    /// holding their size; receive with `recv_msg`, a 64 KiB buffer and a control buffer, and
    /// split with [`gro_segments`](crate::gro_segments).
    ///
    /// ```
    /// use std::io::IoSliceMut;
    /// use sock::{Socket, Family, Type};
    /// use sock::inet::{gro_segment_size, gro_segments, InetSocketExt};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// rx.set_udp_gro(true)?;
    /// assert!(rx.udp_gro()?);
    /// let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// tx.set_udp_segment(1000)?;
    /// tx.send_to(&[1u8; 2500], rx.local_addr()?)?;
    /// let (mut buf, mut control) = (vec![0u8; 65536], [0u8; 64]);
    /// let mut datagrams = 0;
    /// while datagrams < 3 {
    ///     let msg = rx.recv_msg(&mut [IoSliceMut::new(&mut buf)], &mut control, 0)?;
    ///     let size = gro_segment_size(&control[..msg.control_len]);
    ///     datagrams += gro_segments(&buf[..msg.bytes], size).count();
    /// }
    /// assert_eq!(datagrams, 3);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn set_udp_gro(&self, on: bool) -> io::Result<()>;
    /// `UDP_GRO`: whether receive coalescing is on.
    ///
    /// ```
    /// use sock::inet::InetSocketExt;
    /// let s = sock::Socket::new(sock::Family::INET, sock::Type::DGRAM, None)?;
    /// assert!(!s.udp_gro()?);
    /// s.set_udp_gro(true)?;
    /// assert!(s.udp_gro()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn udp_gro(&self) -> io::Result<bool>;
    /// Receives into `buf` with `UDP_GRO` on ([`set_udp_gro`](Self::set_udp_gro)): possibly
    /// several datagrams of one sender; split them with
    /// [`GroMsg::segments`](crate::GroMsg::segments). Give a
    /// [`GRO_BUFFER_LEN`](crate::GRO_BUFFER_LEN) buffer to receive whole batches. The control
    /// buffer is [`GRO_CONTROL_LEN`](crate::GRO_CONTROL_LEN) bytes on the stack, so no item the
    /// socket asked for can push the segment size out; the other items are dropped (keep them
    /// with [`recv_gro_with_control`](Self::recv_gro_with_control)).
    ///
    /// ```
    /// use sock::inet::{GsoSender, InetSocketExt};
    /// use sock::{Family, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// rx.set_udp_gro(true)?;
    /// let tx = GsoSender::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
    /// tx.send_segments_to(&[1u8; 2500], 1000, sock::inet::decode(&rx.local_addr()?)?)?;
    /// let mut buf = vec![0u8; sock::inet::GRO_BUFFER_LEN];
    /// let mut lens = Vec::new();
    /// while lens.len() < 3 {
    ///     let msg = rx.recv_gro(&mut buf)?;
    ///     lens.extend(msg.segments(&buf).map(<[u8]>::len));
    /// }
    /// assert_eq!(lens, [1000, 1000, 500]);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn recv_gro(&self, buf: &mut [u8]) -> io::Result<crate::GroMsg>;
    /// [`recv_gro`](Self::recv_gro) keeping the ancillary data in `control` (its first
    /// `msg.control_len` bytes; parse with [`InetCmsg::parse`](crate::InetCmsg::parse) and
    /// `sock::cmsg::timestamp`). Size it with [`GRO_CONTROL_LEN`](crate::GRO_CONTROL_LEN): a
    /// buffer too small for every item is reported as `MsgFlags::CTRUNC`, and one that cut the
    /// `UDP_GRO` item is `InvalidData` (the datagram boundaries are lost).
    ///
    /// ```
    /// use sock::inet::{opt, InetCmsg, InetSocketExt, GRO_CONTROL_LEN};
    /// use sock::{Family, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// rx.set_udp_gro(true)?;
    /// rx.set(opt::IP_RECVTTL, &true)?;
    /// let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// tx.set(opt::IP_TTL, &9)?;
    /// tx.send_to(b"one", rx.local_addr()?)?;
    /// let (mut buf, mut control) = (vec![0u8; 65535], [0u8; GRO_CONTROL_LEN]);
    /// let msg = rx.recv_gro_with_control(&mut buf, &mut control)?;
    /// assert_eq!((msg.bytes, msg.segment_size), (3, 0));
    /// let items: Vec<InetCmsg> = InetCmsg::parse(&control[..msg.control_len]).collect();
    /// assert_eq!(items, [InetCmsg::Ttl(9)]);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn recv_gro_with_control(&self, buf: &mut [u8], control: &mut [u8]) -> io::Result<crate::GroMsg>;

    /// `TCP_NODELAY`: whether small segments are sent at once (Nagle's algorithm off).
    ///
    /// ```
    /// use sock::inet::InetSocketExt;
    /// let s = sock::Socket::new(sock::Family::INET, sock::Type::STREAM, None)?;
    /// s.set_tcp_nodelay(true)?;
    /// assert!(s.tcp_nodelay()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn tcp_nodelay(&self) -> io::Result<bool>;
    /// Sets `TCP_NODELAY`.
    ///
    /// ```
    /// use sock::inet::InetSocketExt;
    /// let s = sock::Socket::new(sock::Family::INET, sock::Type::STREAM, None)?;
    /// s.set_tcp_nodelay(true)?; // Python: setsockopt(IPPROTO_TCP, TCP_NODELAY, 1)
    /// assert!(s.tcp_nodelay()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn set_tcp_nodelay(&self, on: bool) -> io::Result<()>;
    /// `IP_TTL`: the time-to-live of outgoing unicast IPv4 packets.
    ///
    /// ```
    /// use sock::inet::InetSocketExt;
    /// let s = sock::Socket::new(sock::Family::INET, sock::Type::STREAM, None)?;
    /// s.set_ttl(42)?;
    /// assert_eq!(s.ttl()?, 42);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn ttl(&self) -> io::Result<u32>;
    /// Sets `IP_TTL` (1–255).
    ///
    /// ```
    /// use sock::inet::InetSocketExt;
    /// let s = sock::Socket::new(sock::Family::INET, sock::Type::STREAM, None)?;
    /// s.set_ttl(42)?; // Python: setsockopt(IPPROTO_IP, IP_TTL, 42)
    /// assert_eq!(s.ttl()?, 42);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn set_ttl(&self, ttl: u32) -> io::Result<()>;
    /// `IPV6_V6ONLY`: whether an AF_INET6 socket refuses IPv4-mapped traffic.
    ///
    /// ```
    /// use sock::inet::InetSocketExt;
    /// let s = sock::Socket::new(sock::Family::INET6, sock::Type::DGRAM, None)?;
    /// s.set_only_v6(true)?;
    /// assert!(s.only_v6()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn only_v6(&self) -> io::Result<bool>;
    /// Sets `IPV6_V6ONLY` (before `bind`).
    ///
    /// ```
    /// use sock::inet::InetSocketExt;
    /// let s = sock::Socket::new(sock::Family::INET6, sock::Type::DGRAM, None)?;
    /// s.set_only_v6(false)?; // accept IPv4-mapped traffic too
    /// assert!(!s.only_v6()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn set_only_v6(&self, on: bool) -> io::Result<()>;
    /// `IP_MULTICAST_LOOP`: whether IPv4 multicast sent is looped back to local listeners.
    ///
    /// ```
    /// use sock::inet::InetSocketExt;
    /// let s = sock::Socket::new(sock::Family::INET, sock::Type::DGRAM, None)?;
    /// assert!(s.multicast_loop_v4()?); // on by default
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn multicast_loop_v4(&self) -> io::Result<bool>;
    /// Sets `IP_MULTICAST_LOOP`.
    ///
    /// ```
    /// use sock::inet::InetSocketExt;
    /// let s = sock::Socket::new(sock::Family::INET, sock::Type::DGRAM, None)?;
    /// s.set_multicast_loop_v4(false)?;
    /// assert!(!s.multicast_loop_v4()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn set_multicast_loop_v4(&self, on: bool) -> io::Result<()>;
    /// `IP_MULTICAST_TTL`: the time-to-live of outgoing IPv4 multicast.
    ///
    /// ```
    /// use sock::inet::InetSocketExt;
    /// let s = sock::Socket::new(sock::Family::INET, sock::Type::DGRAM, None)?;
    /// assert_eq!(s.multicast_ttl_v4()?, 1); // the default: this network only
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn multicast_ttl_v4(&self) -> io::Result<u32>;
    /// Sets `IP_MULTICAST_TTL` (0–255).
    ///
    /// ```
    /// use sock::inet::InetSocketExt;
    /// let s = sock::Socket::new(sock::Family::INET, sock::Type::DGRAM, None)?;
    /// s.set_multicast_ttl_v4(4)?;
    /// assert_eq!(s.multicast_ttl_v4()?, 4);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn set_multicast_ttl_v4(&self, ttl: u32) -> io::Result<()>;
    /// `IPV6_MULTICAST_LOOP`: whether IPv6 multicast sent is looped back to local listeners.
    ///
    /// ```
    /// use sock::inet::InetSocketExt;
    /// let s = sock::Socket::new(sock::Family::INET6, sock::Type::DGRAM, None)?;
    /// assert!(s.multicast_loop_v6()?); // on by default
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn multicast_loop_v6(&self) -> io::Result<bool>;
    /// Sets `IPV6_MULTICAST_LOOP`.
    ///
    /// ```
    /// use sock::inet::InetSocketExt;
    /// let s = sock::Socket::new(sock::Family::INET6, sock::Type::DGRAM, None)?;
    /// s.set_multicast_loop_v6(false)?;
    /// assert!(!s.multicast_loop_v6()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn set_multicast_loop_v6(&self, on: bool) -> io::Result<()>;
    /// `IPV6_MULTICAST_HOPS`: the hop limit of outgoing IPv6 multicast.
    ///
    /// ```
    /// use sock::inet::InetSocketExt;
    /// let s = sock::Socket::new(sock::Family::INET6, sock::Type::DGRAM, None)?;
    /// assert_eq!(s.multicast_hops_v6()?, 1); // the default
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn multicast_hops_v6(&self) -> io::Result<u32>;
    /// Sets `IPV6_MULTICAST_HOPS` (0–255).
    ///
    /// ```
    /// use sock::inet::InetSocketExt;
    /// let s = sock::Socket::new(sock::Family::INET6, sock::Type::DGRAM, None)?;
    /// s.set_multicast_hops_v6(8)?;
    /// assert_eq!(s.multicast_hops_v6()?, 8);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn set_multicast_hops_v6(&self, hops: u32) -> io::Result<()>;
}
impl InetSocketExt for Socket {
    fn join_multicast_v4(&self, group: Ipv4Addr, interface: Ipv4Addr, ifindex: u32) -> io::Result<()> {
        v4_interface(interface, ifindex)
            .and_then(|i| s2(self).join_multicast_v4_n(&group, &i))
            .map_err(|e| context(e, "join_multicast_v4", Group(group, Iface(Some(interface), ifindex))))
    }

    fn leave_multicast_v4(&self, group: Ipv4Addr, interface: Ipv4Addr, ifindex: u32) -> io::Result<()> {
        v4_interface(interface, ifindex)
            .and_then(|i| s2(self).leave_multicast_v4_n(&group, &i))
            .map_err(|e| context(e, "leave_multicast_v4", Group(group, Iface(Some(interface), ifindex))))
    }

    fn set_multicast_if_v4(&self, interface: Ipv4Addr, ifindex: u32) -> io::Result<()> {
        ip_mreqn(Ipv4Addr::UNSPECIFIED, interface, ifindex)
            .and_then(|mreqn| self.setsockopt_bytes(IPPROTO_IP, IP_MULTICAST_IF, &mreqn))
            .map_err(|e| context(e, "set_multicast_if_v4", Iface(Some(interface), ifindex)))
    }

    fn multicast_if_v4(&self) -> io::Result<Ipv4Addr> {
        s2(self).multicast_if_v4()
    }

    fn join_multicast_v6(&self, group: Ipv6Addr, ifindex: u32) -> io::Result<()> {
        ifindex_int(ifindex)
            .and_then(|_| s2(self).join_multicast_v6(&group, ifindex))
            .map_err(|e| context(e, "join_multicast_v6", Group(group, Iface(None, ifindex))))
    }

    fn leave_multicast_v6(&self, group: Ipv6Addr, ifindex: u32) -> io::Result<()> {
        ifindex_int(ifindex)
            .and_then(|_| s2(self).leave_multicast_v6(&group, ifindex))
            .map_err(|e| context(e, "leave_multicast_v6", Group(group, Iface(None, ifindex))))
    }

    fn tcp_congestion(&self) -> io::Result<String> {
        let b = s2(self).tcp_congestion()?;
        let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
        Ok(String::from_utf8_lossy(&b[..end]).into_owned())
    }

    fn set_tcp_congestion(&self, name: &str) -> io::Result<()> {
        s2(self).set_tcp_congestion(congestion_name(name)?).map_err(|e| {
            let ctx = ErrorContext::new(e, name).operation("set_tcp_congestion");
            match ctx.inner().raw_os_error() {
                Some(libc::ENOENT) => ctx.text("no such congestion control algorithm").into(),
                _ => ctx.into(),
            }
        })
    }

    fn tcp_info(&self) -> io::Result<TcpInfo> {
        self.get(sock_core::SockOpt::<TcpInfo>::new(IPPROTO_TCP, TCP_INFO))
    }

    fn set_udplite_send_cscov(&self, length: u16) -> io::Result<()> {
        self.setsockopt_int(IPPROTO_UDPLITE, UDPLITE_SEND_CSCOV, cscov("length", length)?)
    }

    fn set_udplite_recv_cscov(&self, length: u16) -> io::Result<()> {
        self.setsockopt_int(IPPROTO_UDPLITE, UDPLITE_RECV_CSCOV, cscov("length", length)?)
    }

    fn set_udp_segment(&self, segment_size: u16) -> io::Result<()> {
        self.setsockopt_int(SOL_UDP, UDP_SEGMENT, c_int::from(segment_size))
    }

    fn udp_segment(&self) -> io::Result<u16> {
        let v = self.getsockopt_int(SOL_UDP, UDP_SEGMENT)?;
        u16::try_from(v).map_err(|_| io::Error::other(format!("UDP_SEGMENT is out of range: {v}")))
    }

    fn set_udp_gro(&self, on: bool) -> io::Result<()> {
        self.set_flag(SOL_UDP, UDP_GRO, on)
    }

    fn udp_gro(&self) -> io::Result<bool> {
        self.get_flag(SOL_UDP, UDP_GRO)
    }

    fn tcp_nodelay(&self) -> io::Result<bool> {
        s2(self).tcp_nodelay()
    }

    fn set_tcp_nodelay(&self, on: bool) -> io::Result<()> {
        s2(self).set_tcp_nodelay(on)
    }

    fn ttl(&self) -> io::Result<u32> {
        s2(self).ttl_v4()
    }

    fn set_ttl(&self, ttl: u32) -> io::Result<()> {
        s2(self).set_ttl_v4(ttl)
    }

    fn only_v6(&self) -> io::Result<bool> {
        s2(self).only_v6()
    }

    fn set_only_v6(&self, on: bool) -> io::Result<()> {
        s2(self).set_only_v6(on)
    }

    fn multicast_loop_v4(&self) -> io::Result<bool> {
        s2(self).multicast_loop_v4()
    }

    fn set_multicast_loop_v4(&self, on: bool) -> io::Result<()> {
        s2(self).set_multicast_loop_v4(on)
    }

    fn multicast_ttl_v4(&self) -> io::Result<u32> {
        s2(self).multicast_ttl_v4()
    }

    fn set_multicast_ttl_v4(&self, ttl: u32) -> io::Result<()> {
        s2(self).set_multicast_ttl_v4(ttl)
    }

    fn multicast_loop_v6(&self) -> io::Result<bool> {
        s2(self).multicast_loop_v6()
    }

    fn set_multicast_loop_v6(&self, on: bool) -> io::Result<()> {
        s2(self).set_multicast_loop_v6(on)
    }

    fn multicast_hops_v6(&self) -> io::Result<u32> {
        s2(self).multicast_hops_v6()
    }

    fn set_multicast_hops_v6(&self, hops: u32) -> io::Result<()> {
        s2(self).set_multicast_hops_v6(hops)
    }

    fn recv_gro(&self, buf: &mut [u8]) -> io::Result<crate::GroMsg> {
        let mut control = [0u8; crate::GRO_CONTROL_LEN];
        let mut msg = self.recv_gro_with_control(buf, &mut control)?;
        msg.control_len = 0;
        Ok(msg)
    }

    fn recv_gro_with_control(&self, buf: &mut [u8], control: &mut [u8]) -> io::Result<crate::GroMsg> {
        let mut addr = sock_core::SockAddr::empty();
        let meta = self.recv_msg_addr(&mut [std::io::IoSliceMut::new(buf)], control, 0, Some(&mut addr))?;
        crate::GroMsg::from_recv(meta.bytes, meta.flags, &addr, &control[..meta.control_len], true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sock_core::{Family, Type};

    /// An interface index over `i32::MAX` is `InvalidInput` before socket2 would turn it
    /// negative.
    #[test]
    fn ifindex_is_checked_before_the_call() {
        let s = Socket::new(Family::INET6, Type::DGRAM, None).unwrap();
        for e in [
            s.join_multicast_v6("ff02::1".parse().unwrap(), u32::MAX).unwrap_err(),
            s.leave_multicast_v6("ff02::1".parse().unwrap(), 0x8000_0000).unwrap_err(),
        ] {
            assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
            assert!(e.to_string().ends_with("ifindex: interface index must be 0-2147483647"), "{e}");
        }
        let s4 = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
        let e = s4.join_multicast_v4(Ipv4Addr::new(224, 0, 0, 1), Ipv4Addr::UNSPECIFIED, u32::MAX).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
    }

    #[test]
    fn join_and_leave_v4_on_loopback() {
        let s = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
        let group = Ipv4Addr::new(239, 1, 2, 3);
        s.join_multicast_v4(group, Ipv4Addr::LOCALHOST, 0).unwrap();
        s.leave_multicast_v4(group, Ipv4Addr::LOCALHOST, 0).unwrap();
        let again = s.leave_multicast_v4(group, Ipv4Addr::LOCALHOST, 0).unwrap_err();
        assert_eq!(sock_core::errno(&again), Some(libc::EADDRNOTAVAIL));
        assert_eq!(
            again.to_string(),
            "leave_multicast_v4 239.1.2.3 on 127.0.0.1: Cannot assign requested address (EADDRNOTAVAIL)"
        );
        let by_index = s.leave_multicast_v4(group, Ipv4Addr::UNSPECIFIED, 1).unwrap_err();
        assert!(by_index.to_string().starts_with("leave_multicast_v4 239.1.2.3 on #1: "), "{by_index}");
    }

    #[test]
    fn socket2_backed_accessors() {
        let s = Socket::new(Family::INET, Type::STREAM, None).unwrap();
        s.set_tcp_nodelay(true).unwrap();
        assert!(s.tcp_nodelay().unwrap());
        assert!(s.get(crate::opt::TCP_NODELAY).unwrap());
        s.set_ttl(42).unwrap();
        assert_eq!(s.ttl().unwrap(), 42);
        let u = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
        u.set_multicast_loop_v4(false).unwrap();
        assert!(!u.multicast_loop_v4().unwrap());
        u.set_multicast_ttl_v4(3).unwrap();
        assert_eq!(u.multicast_ttl_v4().unwrap(), 3);
        assert_eq!(u.multicast_if_v4().unwrap(), Ipv4Addr::UNSPECIFIED);
        if let Ok(v6) = Socket::new(Family::INET6, Type::DGRAM, None) {
            v6.set_only_v6(true).unwrap();
            assert!(v6.only_v6().unwrap());
            v6.set_multicast_hops_v6(4).unwrap();
            assert_eq!(v6.multicast_hops_v6().unwrap(), 4);
            v6.set_multicast_loop_v6(false).unwrap();
            assert!(!v6.multicast_loop_v6().unwrap());
        }
    }

    /// A congestion control name with a NUL or over 15 bytes would be cut short by the
    /// kernel ("reno\0x" would select reno): `InvalidInput` before the call.
    #[test]
    fn congestion_names_are_checked() {
        let s = Socket::new(Family::INET, Type::STREAM, None).unwrap();
        let before = s.tcp_congestion().unwrap();
        assert!(!before.is_empty() && !before.contains('\0'));
        let err = |e: io::Error| (e.kind(), e.to_string());
        assert_eq!(
            err(s.set_tcp_congestion("reno\0x").unwrap_err()),
            (io::ErrorKind::InvalidInput, "name: embedded null character".into())
        );
        let long = format!("{before}{}", "x".repeat(16));
        assert_eq!(
            err(s.set_tcp_congestion(&long).unwrap_err()),
            (io::ErrorKind::InvalidInput, "name: congestion control names are at most 15 bytes".into())
        );
        assert_eq!(s.tcp_congestion().unwrap(), before);
        s.set_tcp_congestion(&before).unwrap();
        let unknown = s.set_tcp_congestion("no-such-cc").unwrap_err();
        assert_eq!(sock_core::errno(&unknown), Some(libc::ENOENT));
        assert_eq!(unknown.kind(), io::ErrorKind::NotFound);
        assert_eq!(unknown.to_string(), "set_tcp_congestion no-such-cc: no such congestion control algorithm (ENOENT)");
    }
}
