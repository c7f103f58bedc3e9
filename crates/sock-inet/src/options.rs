//! Typed IP-level socket options: the [`opt`] declarations (one `SockOpt` per option, used
//! with `Socket::get`/`Socket::set`; on/off options are `SockOpt<bool>`, the others
//! `SockOpt<c_int>`), and the checks the methods of [`InetSocketExt`](crate::InetSocketExt)
//! share.

use std::io;
use std::net::Ipv4Addr;

use libc::c_int;

use sock_core::invalid_input;

use crate::host::check_no_nul;

/// Declares `SockOpt<$ty>` constants named like the option.
macro_rules! opts {
    ($ty:ty, $what:literal: $($level:ident / $name:ident,)*) => {
        $(
            #[doc = concat!("`", stringify!($name), "` at level `", stringify!($level), "`, ", $what, ".")]
            pub const $name: SockOpt<$ty> = SockOpt::new($level, crate::consts::$name);
        )*
    };
}

/// The IP, IPv6, TCP, UDP and UDP-Lite options as typed declarations, named like the Python
/// constants: `sock.set(opt::TCP_NODELAY, &true)?`, `sock.get(opt::IP_TTL)?`. On/off options
/// are `SockOpt<bool>` (the kernel's `int` 0/1), the others `SockOpt<c_int>`.
///
/// ```
/// use sock::{Socket, Family, Type};
/// use sock::inet::opt;
/// let s = Socket::new(Family::INET, Type::STREAM, None)?;
/// s.set(opt::TCP_NODELAY, &true)?;
/// assert!(s.get(opt::TCP_NODELAY)?);
/// s.set(opt::IP_TTL, &7)?;
/// assert_eq!(s.get(opt::IP_TTL)?, 7);
/// # Ok::<(), std::io::Error>(())
/// ```
pub mod opt {
    use libc::c_int;
    use sock_core::SockOpt;

    use crate::consts::{IPPROTO_IP, IPPROTO_IPV6, IPPROTO_TCP, IPPROTO_UDPLITE, SOL_RDS, SOL_UDP};

    opts! {
        bool, "on/off":
        IPPROTO_IP / IP_HDRINCL,
        IPPROTO_IP / IP_RECVTOS,
        IPPROTO_IP / IP_RECVTTL,
        IPPROTO_IP / IP_PKTINFO,
        IPPROTO_IP / IP_RECVERR,
        IPPROTO_IP / IP_RECVORIGDSTADDR,
        IPPROTO_IP / IP_FREEBIND,
        IPPROTO_IP / IP_TRANSPARENT,
        IPPROTO_IP / IP_BIND_ADDRESS_NO_PORT,
        IPPROTO_IP / IP_MULTICAST_LOOP,
        IPPROTO_IP / IP_MULTICAST_ALL,
        IPPROTO_IPV6 / IPV6_V6ONLY,
        IPPROTO_IPV6 / IPV6_MULTICAST_LOOP,
        IPPROTO_IPV6 / IPV6_MULTICAST_ALL,
        IPPROTO_IPV6 / IPV6_RECVPKTINFO,
        IPPROTO_IPV6 / IPV6_RECVHOPLIMIT,
        IPPROTO_IPV6 / IPV6_RECVTCLASS,
        IPPROTO_IPV6 / IPV6_RECVPATHMTU,
        IPPROTO_IPV6 / IPV6_RECVERR,
        IPPROTO_IPV6 / IPV6_RECVORIGDSTADDR,
        IPPROTO_IPV6 / IPV6_DONTFRAG,
        IPPROTO_IPV6 / IPV6_FREEBIND,
        IPPROTO_IPV6 / IPV6_TRANSPARENT,
        IPPROTO_IPV6 / IPV6_AUTOFLOWLABEL,
        IPPROTO_TCP / TCP_NODELAY,
        IPPROTO_TCP / TCP_CORK,
        IPPROTO_TCP / TCP_QUICKACK,
        IPPROTO_TCP / TCP_FASTOPEN_CONNECT,
        IPPROTO_TCP / TCP_THIN_LINEAR_TIMEOUTS,
        IPPROTO_TCP / TCP_INQ,
        SOL_UDP / UDP_CORK,
        SOL_UDP / UDP_GRO,
        SOL_RDS / RDS_RECVERR,
        SOL_RDS / RDS_CONG_MONITOR,
    }

    opts! {
        c_int, "an `int`":
        IPPROTO_IP / IP_TOS,
        IPPROTO_IP / IP_TTL,
        IPPROTO_IP / IP_MTU_DISCOVER,
        IPPROTO_IP / IP_MTU,
        IPPROTO_IP / IP_MINTTL,
        IPPROTO_IP / IP_MULTICAST_TTL,
        IPPROTO_IP / IP_UNICAST_IF,
        IPPROTO_IPV6 / IPV6_UNICAST_HOPS,
        IPPROTO_IPV6 / IPV6_MULTICAST_HOPS,
        IPPROTO_IPV6 / IPV6_MULTICAST_IF,
        IPPROTO_IPV6 / IPV6_TCLASS,
        IPPROTO_IPV6 / IPV6_MTU_DISCOVER,
        IPPROTO_IPV6 / IPV6_MTU,
        IPPROTO_IPV6 / IPV6_CHECKSUM,
        IPPROTO_IPV6 / IPV6_UNICAST_IF,
        IPPROTO_TCP / TCP_MAXSEG,
        IPPROTO_TCP / TCP_KEEPIDLE,
        IPPROTO_TCP / TCP_KEEPINTVL,
        IPPROTO_TCP / TCP_KEEPCNT,
        IPPROTO_TCP / TCP_SYNCNT,
        IPPROTO_TCP / TCP_LINGER2,
        IPPROTO_TCP / TCP_DEFER_ACCEPT,
        IPPROTO_TCP / TCP_WINDOW_CLAMP,
        IPPROTO_TCP / TCP_USER_TIMEOUT,
        IPPROTO_TCP / TCP_FASTOPEN,
        IPPROTO_TCP / TCP_NOTSENT_LOWAT,
        IPPROTO_TCP / TCP_TX_DELAY,
        SOL_UDP / UDP_SEGMENT,
        IPPROTO_UDPLITE / UDPLITE_SEND_CSCOV,
        IPPROTO_UDPLITE / UDPLITE_RECV_CSCOV,
        SOL_RDS / SO_RDS_TRANSPORT,
    }
}

/// An interface index as the kernel's `int` (`imr_ifindex`, `ipv6mr_ifindex`): indexes over
/// `i32::MAX` name no interface, and would turn negative.
pub(crate) fn ifindex_int(ifindex: u32) -> io::Result<c_int> {
    c_int::try_from(ifindex).map_err(|_| invalid_input("ifindex", "interface index must be 0-2147483647"))
}

/// `ip_mreqn`: group, local address, interface index (12 bytes, network-order addresses).
pub(crate) fn ip_mreqn(group: Ipv4Addr, interface: Ipv4Addr, ifindex: u32) -> io::Result<[u8; 12]> {
    let mut b = [0u8; 12];
    b[..4].copy_from_slice(&group.octets());
    b[4..8].copy_from_slice(&interface.octets());
    b[8..].copy_from_slice(&ifindex_int(ifindex)?.to_ne_bytes());
    Ok(b)
}

/// The largest congestion control name the kernel reads (`TCP_CA_NAME_MAX` - 1); it cuts
/// longer ones short.
pub(crate) const TCP_CA_NAME_LEN_MAX: usize = 15;

/// The checked bytes of a `TCP_CONGESTION` name.
pub(crate) fn congestion_name(name: &str) -> io::Result<&[u8]> {
    check_no_nul("name", name)?;
    if name.len() > TCP_CA_NAME_LEN_MAX {
        return Err(invalid_input("name", "congestion control names are at most 15 bytes"));
    }
    Ok(name.as_bytes())
}

/// The checked value of a `UDPLITE_*_CSCOV` option.
pub(crate) fn cscov(arg: &str, length: u16) -> io::Result<c_int> {
    if length != 0 && length < 8 {
        return Err(invalid_input(arg, "checksum coverage must be 0 (whole datagram) or 8-65535"));
    }
    Ok(c_int::from(length))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn struct_layouts() {
        let m = ip_mreqn(Ipv4Addr::new(224, 0, 0, 1), Ipv4Addr::new(10, 0, 0, 1), 3).unwrap();
        assert_eq!(&m[..8], &[224, 0, 0, 1, 10, 0, 0, 1]);
        assert_eq!(m.len(), std::mem::size_of::<libc::ip_mreqn>());
        let cscov7 = cscov("length", 7).unwrap_err();
        assert_eq!(cscov7.kind(), io::ErrorKind::InvalidInput);
        assert!(cscov7.to_string().starts_with("length: "), "{cscov7}");
        assert_eq!(cscov("length", 0).unwrap(), 0);
        assert_eq!(cscov("length", 65535).unwrap(), 65535);
        assert_eq!(congestion_name("x".repeat(15).as_str()).unwrap().len(), 15);
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
            let e = ifindex_int(bad).unwrap_err();
            for e in [e4, e] {
                assert_eq!(
                    (e.kind(), e.to_string()),
                    (io::ErrorKind::InvalidInput, "ifindex: interface index must be 0-2147483647".into())
                );
            }
        }
    }

    #[test]
    fn on_off_options_are_bool() {
        let s = sock_core::Socket::new(sock_core::Family::INET, sock_core::Type::STREAM, None).unwrap();
        s.set(opt::TCP_NODELAY, &true).unwrap();
        assert!(s.get(opt::TCP_NODELAY).unwrap());
        s.set(opt::TCP_NODELAY, &false).unwrap();
        assert!(!s.get(opt::TCP_NODELAY).unwrap());
        s.set(opt::IP_TTL, &9).unwrap();
        assert_eq!(s.get(opt::IP_TTL).unwrap(), 9);
    }
}
