//! The numeric-host fast path of `getaddrinfo`: IP literals are parsed here and, in the common
//! cases, answered without calling libc, with exactly the entries glibc would return (the
//! unit tests compare the two). Anything unusual returns `None` and goes to libc with
//! `AI_NUMERICHOST`, so a literal never reaches NSS either way.

use std::net::{IpAddr, Ipv6Addr, SocketAddr, SocketAddrV6};

use libc::c_int;

use crate::addrinfo::AddrInfo;
use crate::consts::{AI_CANONNAME, AI_NUMERICHOST, AI_NUMERICSERV, AI_PASSIVE};
use crate::iface::if_nametoindex;
use crate::service::Service;

/// An IP literal: the address and the text after `%` for IPv6.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Literal<'a> {
    pub(crate) ip: IpAddr,
    pub(crate) scope: Option<&'a str>,
}

/// Parses a strict IP literal: dotted-quad IPv4, or IPv6 with an optional `%scope`.
/// Other numeric forms (`127.1`, `0x7f.1`) are left to libc's parser.
pub(crate) fn parse_literal(host: &str) -> Option<Literal<'_>> {
    if let Ok(ip) = host.parse::<IpAddr>() {
        return Some(Literal { ip, scope: None });
    }
    let (addr, scope) = host.split_once('%')?;
    let ip = addr.parse::<Ipv6Addr>().ok()?;
    Some(Literal { ip: IpAddr::V6(ip), scope: Some(scope) })
}

/// The scope id of a `%scope` suffix: decimal digits, or an interface name.
pub(crate) fn scope_id(scope: &str) -> Option<u32> {
    if !scope.is_empty() && scope.bytes().all(|b| b.is_ascii_digit()) {
        return scope.parse().ok();
    }
    if_nametoindex(scope).ok()
}

/// The (type, protocol) pairs glibc returns for a request, or `None` when the request is not
/// one this fast path answers.
fn kinds(ty: c_int, proto: c_int, has_port: bool) -> Option<&'static [(c_int, c_int)]> {
    const STREAM: (c_int, c_int) = (libc::SOCK_STREAM, libc::IPPROTO_TCP);
    const DGRAM: (c_int, c_int) = (libc::SOCK_DGRAM, libc::IPPROTO_UDP);
    const RAW: (c_int, c_int) = (libc::SOCK_RAW, 0);
    match (ty, proto) {
        (0, 0) => Some(&[STREAM, DGRAM, RAW]),
        (0, libc::IPPROTO_TCP) | (libc::SOCK_STREAM, 0 | libc::IPPROTO_TCP) => Some(&[STREAM]),
        (0, libc::IPPROTO_UDP) | (libc::SOCK_DGRAM, 0 | libc::IPPROTO_UDP) => Some(&[DGRAM]),
        (libc::SOCK_RAW, 0) if !has_port => Some(&[RAW]),
        _ => None,
    }
}

/// The answer to `getaddrinfo(host, port, ...)` for a parsed literal, if the fast path can give
/// it.
pub(crate) fn answer(
    host: &str,
    literal: &Literal<'_>,
    port: Service<'_>,
    family: c_int,
    ty: c_int,
    proto: c_int,
    flags: c_int,
) -> Option<Vec<AddrInfo>> {
    if flags & !(AI_PASSIVE | AI_CANONNAME | AI_NUMERICHOST | AI_NUMERICSERV) != 0 {
        return None;
    }
    let port_num = match port {
        Service::None => 0,
        other => other.numeric()?,
    };
    let addr = match literal.ip {
        IpAddr::V4(ip) if family == 0 || family == libc::AF_INET => SocketAddr::new(IpAddr::V4(ip), port_num),
        IpAddr::V6(ip) if family == 0 || family == libc::AF_INET6 => {
            let scope = match literal.scope {
                None => 0,
                Some(_) if flags & AI_CANONNAME != 0 => return None,
                Some(s) => scope_id(s)?,
            };
            SocketAddr::V6(SocketAddrV6::new(ip, port_num, 0, scope))
        }
        _ => return None,
    };
    let af = if addr.is_ipv4() { libc::AF_INET } else { libc::AF_INET6 };
    let kinds = kinds(ty, proto, !matches!(port, Service::None))?;
    let out = kinds
        .iter()
        .enumerate()
        .map(|(i, &(ty, proto))| AddrInfo {
            family: af,
            ty,
            proto,
            canonname: if i == 0 && flags & AI_CANONNAME != 0 { host.to_owned() } else { String::new() },
            addr,
        })
        .collect();
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::addrinfo::raw_getaddrinfo;
    use std::ffi::CString;

    /// The fast path gives exactly glibc's answer wherever it answers.
    #[test]
    fn fast_path_equals_libc() {
        let hosts =
            ["127.0.0.1", "0.0.0.0", "255.255.255.255", "::1", "::", "fe80::1%lo", "fe80::1%1", "::ffff:1.2.3.4"];
        let ports = [Service::None, Service::Port(80), Service::Name("443"), Service::Port(0)];
        let families = [0, libc::AF_INET, libc::AF_INET6];
        let kinds = [
            (0, 0),
            (libc::SOCK_STREAM, 0),
            (libc::SOCK_DGRAM, 0),
            (libc::SOCK_RAW, 0),
            (0, libc::IPPROTO_TCP),
            (0, libc::IPPROTO_UDP),
            (libc::SOCK_STREAM, libc::IPPROTO_TCP),
        ];
        let flag_sets = [0, AI_PASSIVE, AI_CANONNAME, AI_NUMERICHOST | AI_NUMERICSERV];
        let mut answered = 0;
        for host in hosts {
            let lit = parse_literal(host).expect("literal");
            for port in ports {
                for family in families {
                    for (ty, proto) in kinds {
                        for flags in flag_sets {
                            let Some(fast) = answer(host, &lit, port, family, ty, proto, flags) else { continue };
                            answered += 1;
                            let h = CString::new(host).unwrap();
                            let serv = port.numeric().map(|p| CString::new(p.to_string()).unwrap());
                            let slow =
                                raw_getaddrinfo(Some(&h), serv.as_deref(), family, ty, proto, flags | AI_NUMERICHOST);
                            assert_eq!(Ok(fast), slow, "{host} {port:?} {family} {ty} {proto} {flags}");
                        }
                    }
                }
            }
        }
        assert!(answered > 100, "fast path answered only {answered} cases");
    }

    proptest::proptest! {
        #[test]
        fn any_text_parses_without_panic(s in "\\PC{0,40}") {
            let _ = parse_literal(&s);
        }

        #[test]
        fn random_literals_equal_libc(v6 in proptest::prelude::any::<[u8; 16]>(), v4 in proptest::prelude::any::<[u8; 4]>(), port in proptest::prelude::any::<u16>()) {
            for ip in [IpAddr::from(v6), IpAddr::from(v4)] {
                let host = ip.to_string();
                let lit = parse_literal(&host).unwrap();
                let fast = answer(&host, &lit, Service::Port(port), 0, 0, 0, 0).unwrap();
                let h = CString::new(host.as_str()).unwrap();
                let p = CString::new(port.to_string()).unwrap();
                proptest::prop_assert_eq!(Ok(fast), raw_getaddrinfo(Some(&h), Some(&p), 0, 0, 0, AI_NUMERICHOST));
            }
        }
    }

    #[test]
    fn literals() {
        assert_eq!(parse_literal("1.2.3.4").unwrap().ip, IpAddr::from([1, 2, 3, 4]));
        assert_eq!(parse_literal("fe80::1%eth0").unwrap().scope, Some("eth0"));
        assert!(parse_literal("127.1").is_none());
        assert!(parse_literal("1.2.3.4%1").is_none());
        assert!(parse_literal("localhost").is_none());
        assert_eq!(scope_id("7"), Some(7));
        assert_eq!(scope_id("lo"), Some(1));
    }
}
