//! Typed IP-level socket options: the [`opt`] declarations (one `SockOpt` per integer option,
//! used with `Socket::get`/`Socket::set`) and [`InetSocketExt`] for the options whose values
//! are structures or strings (multicast groups, `TCP_CONGESTION`, `TCP_INFO`) or have a range
//! (`UDPLITE_*_CSCOV`, `UDP_SEGMENT`).

use std::io;
use std::net::{Ipv4Addr, Ipv6Addr};

use libc::c_int;

use sock_core::{invalid_input, Socket};

use crate::consts::*;
use crate::host::check_no_nul;
use crate::tcp_info::TcpInfo;

/// Declares `SockOpt<c_int>` constants named like the option.
macro_rules! int_opts {
    ($($level:ident / $name:ident,)*) => {
        $(
            #[doc = concat!("`", stringify!($name), "` at level `", stringify!($level), "`, an `int`.")]
            pub const $name: SockOpt<c_int> = SockOpt::new($level, crate::consts::$name);
        )*
    };
}

/// Integer options as typed declarations, named like the Python constants:
/// `sock.set(opt::TCP_NODELAY, &1)?`, `sock.get(opt::IP_TTL)?`. Boolean options are `int`s
/// 0/1 here; `Socket::get_flag`/`set_flag` take `bool`s.
///
/// ```
/// use sock_core::{Socket, Family, Type};
/// use sock_inet::opt;
/// let s = Socket::new(Family::INET, Type::STREAM, None)?;
/// s.set(opt::TCP_NODELAY, &1)?;
/// assert_eq!(s.get(opt::TCP_NODELAY)?, 1);
/// s.set(opt::IP_TTL, &7)?;
/// assert_eq!(s.get(opt::IP_TTL)?, 7);
/// # Ok::<(), std::io::Error>(())
/// ```
pub mod opt {
    use libc::c_int;
    use sock_core::SockOpt;

    use crate::consts::{IPPROTO_IP, IPPROTO_IPV6, IPPROTO_TCP, IPPROTO_UDPLITE, SOL_UDP};

    int_opts! {
        IPPROTO_IP / IP_TOS,
        IPPROTO_IP / IP_TTL,
        IPPROTO_IP / IP_HDRINCL,
        IPPROTO_IP / IP_RECVTOS,
        IPPROTO_IP / IP_RECVTTL,
        IPPROTO_IP / IP_PKTINFO,
        IPPROTO_IP / IP_RECVERR,
        IPPROTO_IP / IP_RECVORIGDSTADDR,
        IPPROTO_IP / IP_MTU_DISCOVER,
        IPPROTO_IP / IP_MTU,
        IPPROTO_IP / IP_FREEBIND,
        IPPROTO_IP / IP_TRANSPARENT,
        IPPROTO_IP / IP_MINTTL,
        IPPROTO_IP / IP_BIND_ADDRESS_NO_PORT,
        IPPROTO_IP / IP_MULTICAST_TTL,
        IPPROTO_IP / IP_MULTICAST_LOOP,
        IPPROTO_IP / IP_MULTICAST_ALL,
        IPPROTO_IP / IP_UNICAST_IF,
        IPPROTO_IPV6 / IPV6_V6ONLY,
        IPPROTO_IPV6 / IPV6_UNICAST_HOPS,
        IPPROTO_IPV6 / IPV6_MULTICAST_HOPS,
        IPPROTO_IPV6 / IPV6_MULTICAST_LOOP,
        IPPROTO_IPV6 / IPV6_MULTICAST_IF,
        IPPROTO_IPV6 / IPV6_MULTICAST_ALL,
        IPPROTO_IPV6 / IPV6_RECVPKTINFO,
        IPPROTO_IPV6 / IPV6_RECVHOPLIMIT,
        IPPROTO_IPV6 / IPV6_RECVTCLASS,
        IPPROTO_IPV6 / IPV6_RECVPATHMTU,
        IPPROTO_IPV6 / IPV6_RECVERR,
        IPPROTO_IPV6 / IPV6_RECVORIGDSTADDR,
        IPPROTO_IPV6 / IPV6_TCLASS,
        IPPROTO_IPV6 / IPV6_DONTFRAG,
        IPPROTO_IPV6 / IPV6_MTU_DISCOVER,
        IPPROTO_IPV6 / IPV6_MTU,
        IPPROTO_IPV6 / IPV6_CHECKSUM,
        IPPROTO_IPV6 / IPV6_FREEBIND,
        IPPROTO_IPV6 / IPV6_TRANSPARENT,
        IPPROTO_IPV6 / IPV6_AUTOFLOWLABEL,
        IPPROTO_IPV6 / IPV6_UNICAST_IF,
        IPPROTO_TCP / TCP_NODELAY,
        IPPROTO_TCP / TCP_MAXSEG,
        IPPROTO_TCP / TCP_CORK,
        IPPROTO_TCP / TCP_KEEPIDLE,
        IPPROTO_TCP / TCP_KEEPINTVL,
        IPPROTO_TCP / TCP_KEEPCNT,
        IPPROTO_TCP / TCP_SYNCNT,
        IPPROTO_TCP / TCP_LINGER2,
        IPPROTO_TCP / TCP_DEFER_ACCEPT,
        IPPROTO_TCP / TCP_WINDOW_CLAMP,
        IPPROTO_TCP / TCP_QUICKACK,
        IPPROTO_TCP / TCP_USER_TIMEOUT,
        IPPROTO_TCP / TCP_FASTOPEN,
        IPPROTO_TCP / TCP_FASTOPEN_CONNECT,
        IPPROTO_TCP / TCP_NOTSENT_LOWAT,
        IPPROTO_TCP / TCP_THIN_LINEAR_TIMEOUTS,
        IPPROTO_TCP / TCP_INQ,
        IPPROTO_TCP / TCP_TX_DELAY,
        SOL_UDP / UDP_CORK,
        SOL_UDP / UDP_SEGMENT,
        SOL_UDP / UDP_GRO,
        IPPROTO_UDPLITE / UDPLITE_SEND_CSCOV,
        IPPROTO_UDPLITE / UDPLITE_RECV_CSCOV,
    }
}

/// An interface index as the kernel's `int` (`imr_ifindex`, `ipv6mr_ifindex`): indexes over
/// `i32::MAX` name no interface, and would turn negative.
pub(crate) fn ifindex_int(ifindex: u32) -> io::Result<c_int> {
    c_int::try_from(ifindex).map_err(|_| invalid_input("ifindex", "interface index must be 0-2147483647"))
}

/// `ip_mreqn`: group, local address, interface index (12 bytes, network-order addresses).
fn ip_mreqn(group: Ipv4Addr, interface: Ipv4Addr, ifindex: u32) -> io::Result<[u8; 12]> {
    let mut b = [0u8; 12];
    b[..4].copy_from_slice(&group.octets());
    b[4..8].copy_from_slice(&interface.octets());
    b[8..].copy_from_slice(&ifindex_int(ifindex)?.to_ne_bytes());
    Ok(b)
}

/// `ipv6_mreq`: group and interface index (20 bytes).
fn ipv6_mreq(group: Ipv6Addr, ifindex: u32) -> io::Result<[u8; 20]> {
    let mut b = [0u8; 20];
    b[..16].copy_from_slice(&group.octets());
    b[16..].copy_from_slice(&ifindex_int(ifindex)?.to_ne_bytes());
    Ok(b)
}

/// The largest congestion control name the kernel reads (`TCP_CA_NAME_MAX` - 1); it cuts
/// longer ones short.
const TCP_CA_NAME_LEN_MAX: usize = 15;

/// The checked bytes of a `TCP_CONGESTION` name.
fn congestion_name(name: &str) -> io::Result<&[u8]> {
    check_no_nul("name", name)?;
    if name.len() > TCP_CA_NAME_LEN_MAX {
        return Err(invalid_input("name", "congestion control names are at most 15 bytes"));
    }
    Ok(name.as_bytes())
}

/// The checked value of a `UDPLITE_*_CSCOV` option.
fn cscov(arg: &str, length: u16) -> io::Result<c_int> {
    if length != 0 && length < 8 {
        return Err(invalid_input(arg, "checksum coverage must be 0 (whole datagram) or 8-65535"));
    }
    Ok(c_int::from(length))
}

/// Structured IP-level options on a [`Socket`]. Integer options are in [`opt`].
///
/// ```
/// use sock_core::{Socket, Family, Type};
/// use sock_inet::InetSocketExt;
/// let s = Socket::new(Family::INET, Type::STREAM, None)?;
/// let cc = s.tcp_congestion()?;
/// assert!(!cc.is_empty());
/// # Ok::<(), std::io::Error>(())
/// ```
pub trait InetSocketExt {
    /// `IP_ADD_MEMBERSHIP` with an `ip_mreqn`: joins `group` on the interface with address
    /// `interface` (`0.0.0.0`: the kernel chooses) or index `ifindex` (0: by address). Here
    /// and in the other multicast calls, an `ifindex` over `i32::MAX` (the kernel's `int`) is
    /// `InvalidInput`.
    fn join_multicast_v4(&self, group: Ipv4Addr, interface: Ipv4Addr, ifindex: u32) -> io::Result<()>;
    /// `IP_DROP_MEMBERSHIP`: leaves a group joined with [`join_multicast_v4`](Self::join_multicast_v4).
    fn leave_multicast_v4(&self, group: Ipv4Addr, interface: Ipv4Addr, ifindex: u32) -> io::Result<()>;
    /// `IP_MULTICAST_IF` with an `ip_mreqn`: the interface (by address or index) multicast is
    /// sent from.
    fn set_multicast_if_v4(&self, interface: Ipv4Addr, ifindex: u32) -> io::Result<()>;
    /// `IP_MULTICAST_IF`: the local address multicast is sent from (`0.0.0.0` if unset).
    fn multicast_if_v4(&self) -> io::Result<Ipv4Addr>;
    /// `IPV6_JOIN_GROUP`: joins `group` on interface `ifindex` (0: the kernel chooses).
    fn join_multicast_v6(&self, group: Ipv6Addr, ifindex: u32) -> io::Result<()>;
    /// `IPV6_LEAVE_GROUP`.
    fn leave_multicast_v6(&self, group: Ipv6Addr, ifindex: u32) -> io::Result<()>;
    /// `TCP_CONGESTION`: the congestion control algorithm's name.
    fn tcp_congestion(&self) -> io::Result<String>;
    /// `TCP_CONGESTION`: selects an algorithm by name (`ENOENT` if the kernel has no such one).
    /// A name with a NUL character or over 15 bytes, which the kernel would cut short, is
    /// `InvalidInput` naming `name`.
    fn set_tcp_congestion(&self, name: &str) -> io::Result<()>;
    /// `TCP_INFO`: the connection's statistics.
    fn tcp_info(&self) -> io::Result<TcpInfo>;
    /// `UDPLITE_SEND_CSCOV`: how many leading bytes of each sent datagram (UDP-Lite header
    /// included) the checksum covers: 0 for all, else 8–65535 (CPython's documented
    /// `range(8, 2**16, 8)` plus 0; the kernel takes any value in 8..=65535).
    fn set_udplite_send_cscov(&self, length: u16) -> io::Result<()>;
    /// `UDPLITE_RECV_CSCOV`: the least coverage a received datagram must have (0 or
    /// 8–65535), smaller ones are dropped.
    fn set_udplite_recv_cscov(&self, length: u16) -> io::Result<()>;
    /// `UDP_SEGMENT` (generic segmentation offload): every later send of more than
    /// `segment_size` bytes leaves as datagrams of `segment_size` bytes, the last possibly
    /// shorter; 0 turns it off. One send takes up to 64 KiB and 64 segments (Linux ≥ 6.10: 128),
    /// and the segment size must fit the path MTU, else the send fails with `EINVAL`. A per-send
    /// [`InetCmsg::UdpSegment`](crate::InetCmsg::UdpSegment) overrides it; check a `usize` with
    /// [`checked_segment_size`](crate::checked_segment_size).
    ///
    /// ```
    /// use sock_core::{Socket, Family, Type};
    /// use sock_inet::InetSocketExt;
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// tx.set_udp_segment(1000)?;
    /// assert_eq!(tx.udp_segment()?, 1000);
    /// tx.send_to(&[1u8; 2500], 0, rx.local_addr()?)?;     // one send, three datagrams
    /// assert_eq!(rx.recv_vec(4000, 0)?.len(), 1000);
    /// assert_eq!(rx.recv_vec(4000, 0)?.len(), 1000);
    /// assert_eq!(rx.recv_vec(4000, 0)?.len(), 500);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn set_udp_segment(&self, segment_size: u16) -> io::Result<()>;
    /// `UDP_SEGMENT`: the segment size of every send (0: off).
    fn udp_segment(&self) -> io::Result<u16>;
    /// `UDP_GRO` (generic receive offload): when on, one receive may return several datagrams
    /// of one sender, coalesced, with an [`InetCmsg::UdpGro`](crate::InetCmsg::UdpGro) item
    /// holding their size; receive with `recv_msg`, a 64 KiB buffer and a control buffer, and
    /// split with [`gro_segments`](crate::gro_segments).
    ///
    /// ```
    /// use std::io::IoSliceMut;
    /// use sock_core::{Socket, Family, Type};
    /// use sock_inet::{gro_segment_size, gro_segments, InetSocketExt};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// rx.set_udp_gro(true)?;
    /// assert!(rx.udp_gro()?);
    /// let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// tx.set_udp_segment(1000)?;
    /// tx.send_to(&[1u8; 2500], 0, rx.local_addr()?)?;
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
    fn udp_gro(&self) -> io::Result<bool>;
}

impl InetSocketExt for Socket {
    fn join_multicast_v4(&self, group: Ipv4Addr, interface: Ipv4Addr, ifindex: u32) -> io::Result<()> {
        self.setsockopt_bytes(IPPROTO_IP, IP_ADD_MEMBERSHIP, &ip_mreqn(group, interface, ifindex)?)
    }

    fn leave_multicast_v4(&self, group: Ipv4Addr, interface: Ipv4Addr, ifindex: u32) -> io::Result<()> {
        self.setsockopt_bytes(IPPROTO_IP, IP_DROP_MEMBERSHIP, &ip_mreqn(group, interface, ifindex)?)
    }

    fn set_multicast_if_v4(&self, interface: Ipv4Addr, ifindex: u32) -> io::Result<()> {
        self.setsockopt_bytes(IPPROTO_IP, IP_MULTICAST_IF, &ip_mreqn(Ipv4Addr::UNSPECIFIED, interface, ifindex)?)
    }

    fn multicast_if_v4(&self) -> io::Result<Ipv4Addr> {
        let mut b = [0u8; 4];
        self.getsockopt_into(IPPROTO_IP, IP_MULTICAST_IF, &mut b)?;
        Ok(Ipv4Addr::from(b))
    }

    fn join_multicast_v6(&self, group: Ipv6Addr, ifindex: u32) -> io::Result<()> {
        self.setsockopt_bytes(IPPROTO_IPV6, IPV6_JOIN_GROUP, &ipv6_mreq(group, ifindex)?)
    }

    fn leave_multicast_v6(&self, group: Ipv6Addr, ifindex: u32) -> io::Result<()> {
        self.setsockopt_bytes(IPPROTO_IPV6, IPV6_LEAVE_GROUP, &ipv6_mreq(group, ifindex)?)
    }

    fn tcp_congestion(&self) -> io::Result<String> {
        let mut b = [0u8; 16];
        let n = self.getsockopt_into(IPPROTO_TCP, TCP_CONGESTION, &mut b)?;
        let end = b[..n].iter().position(|&c| c == 0).unwrap_or(n);
        Ok(String::from_utf8_lossy(&b[..end]).into_owned())
    }

    fn set_tcp_congestion(&self, name: &str) -> io::Result<()> {
        self.setsockopt_bytes(IPPROTO_TCP, TCP_CONGESTION, congestion_name(name)?)
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn struct_layouts() {
        let m = ip_mreqn(Ipv4Addr::new(224, 0, 0, 1), Ipv4Addr::new(10, 0, 0, 1), 3).unwrap();
        assert_eq!(&m[..8], &[224, 0, 0, 1, 10, 0, 0, 1]);
        assert_eq!(m.len(), std::mem::size_of::<libc::ip_mreqn>());
        assert_eq!(ipv6_mreq(Ipv6Addr::LOCALHOST, 1).unwrap().len(), std::mem::size_of::<libc::ipv6_mreq>());
        let cscov7 = cscov("length", 7).unwrap_err();
        assert_eq!(cscov7.kind(), io::ErrorKind::InvalidInput);
        assert!(cscov7.to_string().starts_with("length: "), "{cscov7}");
        assert_eq!(cscov("length", 0).unwrap(), 0);
        assert_eq!(cscov("length", 65535).unwrap(), 65535);
    }

    /// Interface indexes are the kernel's `int`: over `i32::MAX` is `InvalidInput`, not a
    /// negative index.
    #[test]
    fn ifindex_fits_int() {
        let g4 = Ipv4Addr::new(224, 0, 0, 1);
        let max = ip_mreqn(g4, Ipv4Addr::UNSPECIFIED, i32::MAX as u32).unwrap();
        assert_eq!(&max[8..], &i32::MAX.to_ne_bytes());
        for bad in [0x8000_0000, u32::MAX] {
            let e4 = ip_mreqn(g4, Ipv4Addr::UNSPECIFIED, bad).unwrap_err();
            let e6 = ipv6_mreq(Ipv6Addr::LOCALHOST, bad).unwrap_err();
            for e in [e4, e6] {
                assert_eq!(
                    (e.kind(), e.to_string()),
                    (io::ErrorKind::InvalidInput, "ifindex: interface index must be 0-2147483647".into())
                );
            }
        }
        let s = Socket::new(sock_core::Family::INET6, sock_core::Type::DGRAM, None).unwrap();
        let e = s.join_multicast_v6("ff02::1".parse().unwrap(), u32::MAX).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
    }

    /// A congestion control name with a NUL or over 15 bytes would be cut short by the
    /// kernel ("reno\0x" would select reno): `InvalidInput` before the call.
    #[test]
    fn congestion_names_are_checked() {
        let s = Socket::new(sock_core::Family::INET, sock_core::Type::STREAM, None).unwrap();
        let before = s.tcp_congestion().unwrap();
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
        assert_eq!(congestion_name("x".repeat(15).as_str()).unwrap().len(), 15);
    }
}
