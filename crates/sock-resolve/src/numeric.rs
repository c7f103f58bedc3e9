//! The numeric-host fast path of `getaddrinfo`: IP literals are parsed here and, in the common
//! cases, answered without calling libc, with exactly the entries glibc would return (the
//! unit tests compare the two). Anything unusual returns `None` and goes to libc with
//! `AI_NUMERICHOST`, so a literal never reaches NSS either way.

use std::net::{IpAddr, Ipv6Addr, SocketAddr, SocketAddrV6};

use libc::c_int;

use sock_core::{Family, Protocol, Type};

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

/// The scope id of a `%scope` suffix on `ip`, as glibc's `__inet6_scopeid_pton` reads it
/// (`None` where glibc fails, which makes `getaddrinfo` answer `EAI_NONAME`):
///
/// - an interface name only on link-local unicast (`fe80::/10`) and node- or link-local
///   multicast (`ffx1::`, `ffx2::`) addresses, and tried first there, even when it is made
///   of digits (an interface may be named `5`);
/// - else decimal digits (leading zeros allowed, nothing else, no sign or space) up to
///   `u32::MAX`, on any address.
pub(crate) fn scope_id(ip: &Ipv6Addr, scope: &str) -> Option<u32> {
    let o = ip.octets();
    let link_local = o[0] == 0xfe && o[1] & 0xc0 == 0x80;
    let local_multicast = o[0] == 0xff && matches!(o[1] & 0x0f, 1 | 2);
    if link_local || local_multicast {
        if let Ok(index) = if_nametoindex(scope) {
            return Some(index);
        }
    }
    if !scope.is_empty() && scope.bytes().all(|b| b.is_ascii_digit()) {
        return scope.parse().ok();
    }
    None
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
                // A scope glibc refuses is its EAI_NONAME: left to libc.
                Some(s) => scope_id(&ip, s)?,
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
            family: Family(af),
            ty: Type(ty),
            protocol: Protocol(proto),
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
    use proptest::prelude::{any, prop_oneof, Just, Strategy};
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

    /// Random numeric host text in the forms glibc's numeric parsers meet: IPv4 in every
    /// inet(3) form (1 to 5 parts, decimal, octal, hex, out of range), IPv6 compressed,
    /// expanded, zero-padded, upper case, with an IPv4 tail, around the addresses whose scope
    /// rules differ, or plain random hex and colons; then a `%scope` suffix (names, digits,
    /// out of range, signs, spaces), brackets or white space around it.
    fn numeric_host() -> impl Strategy<Value = String> {
        let part = prop_oneof![
            any::<u8>().prop_map(|v| v.to_string()),
            (0u32..300).prop_map(|v| format!("0{v:o}")),
            (0u32..300).prop_map(|v| format!("0x{v:x}")),
            (0u32..300).prop_map(|v| format!("0X{v:X}")),
            any::<u32>().prop_map(|v| v.to_string()),
            "0{1,3}[0-9]{1,3}",
            Just("4294967296".to_string()),
            Just(String::new()),
        ];
        let v4 = proptest::collection::vec(part, 1..=5).prop_map(|p| p.join("."));
        let prefixes: [[u8; 2]; 12] = [
            [0xfe, 0x80],
            [0xfe, 0xbf],
            [0xfe, 0xc0],
            [0xff, 0x01],
            [0xff, 0x02],
            [0xff, 0x05],
            [0xff, 0x12],
            [0xff, 0x32],
            [0xff, 0x0e],
            [0x20, 0x01],
            [0, 0],
            [0xfd, 0],
        ];
        let v6_addr = (any::<[u8; 16]>(), 0..prefixes.len() + 4, 0..8usize).prop_map(move |(mut b, kind, zeros)| {
            match kind {
                k if k < prefixes.len() => b[..2].copy_from_slice(&prefixes[k]),
                k if k == prefixes.len() => b[..12].copy_from_slice(&[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]),
                k if k == prefixes.len() + 1 => b = Ipv6Addr::LOCALHOST.octets(),
                k if k == prefixes.len() + 2 => b = [0; 16],
                _ => {}
            }
            // Zero runs of random length, for `::` in different places.
            for byte in b.iter_mut().skip(2 * (zeros % 4) + 2).take(2 * zeros) {
                *byte = 0;
            }
            Ipv6Addr::from(b)
        });
        let v6 = (v6_addr, 0..6u8).prop_map(|(ip, form)| {
            let g = ip.segments();
            let o = ip.octets();
            match form {
                0 => ip.to_string(),
                1 => g.iter().map(|w| format!("{w:x}")).collect::<Vec<_>>().join(":"),
                2 => g.iter().map(|w| format!("{w:04x}")).collect::<Vec<_>>().join(":"),
                3 => ip.to_string().to_uppercase(),
                4 => format!(
                    "{}:{}.{}.{}.{}",
                    g[..6].iter().map(|w| format!("{w:x}")).collect::<Vec<_>>().join(":"),
                    o[12],
                    o[13],
                    o[14],
                    o[15]
                ),
                _ => format!("{}:{:05x}", ip, g[7]),
            }
        });
        let raw = "[0-9a-fA-F:.]{0,40}";
        let suffix = proptest::sample::select(vec![
            "",
            "",
            "",
            "%lo",
            "%1",
            "%999",
            "%0",
            "%01",
            "%4294967295",
            "%4294967296",
            "%",
            "%nosuchif0",
            "%-1",
            "% 1",
            "%1 ",
            "%0x1",
            "%lo%1",
        ]);
        let wrap = proptest::sample::select(vec!["", "", "", "[]", " ", "\t", "_ "]);
        (prop_oneof![v4, v6, raw.prop_map(String::from)], suffix, wrap).prop_map(|(addr, suffix, wrap)| {
            let host = format!("{addr}{suffix}");
            match wrap {
                "[]" => format!("[{host}]"),
                "_ " => format!("{host} "),
                w => format!("{w}{host}"),
            }
        })
    }

    /// A request: port, family, type, protocol and flags, around what the fast path answers.
    fn request() -> impl Strategy<Value = (Service<'static>, c_int, c_int, c_int, c_int)> {
        let port = prop_oneof![
            Just(Service::None),
            any::<u16>().prop_map(Service::Port),
            proptest::sample::select(vec!["0080", "65535", "65536", "http", "", "1a"]).prop_map(Service::Name),
        ];
        let family = proptest::sample::select(vec![0, libc::AF_INET, libc::AF_INET6]);
        let kind = proptest::sample::select(vec![
            (0, 0),
            (libc::SOCK_STREAM, 0),
            (libc::SOCK_DGRAM, 0),
            (libc::SOCK_RAW, 0),
            (0, libc::IPPROTO_TCP),
            (0, libc::IPPROTO_UDP),
            (libc::SOCK_STREAM, libc::IPPROTO_TCP),
            (libc::SOCK_STREAM, libc::IPPROTO_UDP),
        ]);
        let flags = proptest::sample::select(vec![
            0,
            AI_PASSIVE,
            AI_CANONNAME,
            AI_NUMERICSERV,
            AI_PASSIVE | AI_CANONNAME | AI_NUMERICSERV,
            crate::consts::AI_V4MAPPED,
        ]);
        (port, family, kind, flags).prop_map(|(port, family, (ty, proto), flags)| (port, family, ty, proto, flags))
    }

    /// libc's `getaddrinfo` for a request, numeric only (`AI_NUMERICHOST` always).
    fn libc_numeric(
        host: &str,
        port: Service<'_>,
        family: c_int,
        ty: c_int,
        proto: c_int,
        flags: c_int,
    ) -> Result<Vec<AddrInfo>, crate::ResolveError> {
        let h = CString::new(host).unwrap();
        let serv = match port {
            Service::None => None,
            Service::Port(p) => Some(CString::new(p.to_string()).unwrap()),
            Service::Name(s) => Some(CString::new(s).unwrap()),
        };
        raw_getaddrinfo(Some(&h), serv.as_deref(), family, ty, proto, flags | AI_NUMERICHOST)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

        /// On random numeric text, `getaddrinfo` (fast path or not) gives exactly libc's
        /// answer: addresses, scope ids and error codes. Never anything that could reach
        /// DNS: `AI_NUMERICHOST` on both sides. Where the fast path answers without
        /// `AI_NUMERICHOST`, that answer is libc's too, and the text is numeric to glibc.
        #[test]
        fn numeric_text_equals_libc(host in numeric_host(), (port, family, ty, proto, flags) in request()) {
            let libc = libc_numeric(&host, port, family, ty, proto, flags);
            let ours = crate::addrinfo::lookup(Some(&host), port, family, ty, proto, flags | AI_NUMERICHOST);
            proptest::prop_assert_eq!(&ours, &libc, "{:?}", host);
            if let Some(lit) = parse_literal(&host) {
                if let Some(fast) = answer(&host, &lit, port, family, ty, proto, flags) {
                    proptest::prop_assert_eq!(&Ok(fast), &libc, "fast path {:?}", host);
                }
                let plain = host.split('%').next().unwrap_or_default();
                let ip = libc_numeric(plain, Service::None, 0, libc::SOCK_STREAM, 0, 0).map(|r| r[0].addr.ip());
                proptest::prop_assert_eq!(ip, Ok(lit.ip), "{:?} is not numeric to glibc", host);
            }
        }
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
        let ip = |s: &str| s.parse::<Ipv6Addr>().unwrap();
        assert_eq!(scope_id(&ip("::1"), "7"), Some(7));
        assert_eq!(scope_id(&ip("fe80::1"), "lo"), Some(1));
    }

    /// Interface-name scopes only on link-local and node/link-local multicast addresses
    /// (glibc's rule); digits everywhere.
    #[test]
    fn scope_rules_are_glibc() {
        let lo = if_nametoindex("lo").unwrap();
        let ip = |s: &str| s.parse::<Ipv6Addr>().unwrap();
        for named in ["fe80::1", "febf::1", "ff01::1", "ff02::1", "ff12::1", "ff32::1"] {
            assert_eq!(scope_id(&ip(named), "lo"), Some(lo), "{named}");
        }
        for unnamed in ["::1", "2001:db8::1", "ff05::1", "ff0e::1", "fec0::1", "fe00::1", "::ffff:127.0.0.1", "::"] {
            assert_eq!(scope_id(&ip(unnamed), "lo"), None, "{unnamed}");
            assert_eq!(scope_id(&ip(unnamed), "1"), Some(1), "{unnamed}");
            assert_eq!(scope_id(&ip(unnamed), "999"), Some(999), "{unnamed}");
        }
        let ll = ip("fe80::1");
        assert_eq!(scope_id(&ll, "01"), Some(1));
        assert_eq!(scope_id(&ll, "0"), Some(0));
        assert_eq!(scope_id(&ll, "4294967295"), Some(u32::MAX));
        for bad in ["", "4294967296", "-1", "+1", " 1", "1 ", "1a", "nosuchif0"] {
            assert_eq!(scope_id(&ll, bad), None, "{bad:?}");
        }
    }

    /// The scopes of issue 13 through the public function: exactly glibc's (and CPython's)
    /// answers, `EAI_NONAME` for a name scope on a global or site-local address.
    #[test]
    fn getaddrinfo_scopes_equal_python() {
        use crate::consts::EAI_NONAME;
        let v6 = |host: &str, flags| {
            crate::addrinfo::lookup(Some(host), Service::Port(80), libc::AF_INET6, libc::SOCK_STREAM, 0, flags).map(
                |r| match r[..] {
                    [AddrInfo { addr: SocketAddr::V6(a), .. }] => a.scope_id(),
                    _ => panic!("{host}: {r:?}"),
                },
            )
        };
        for flags in [0, AI_NUMERICHOST] {
            for host in
                ["::1%lo", "2001:db8::1%lo", "ff05::1%lo", "::ffff:127.0.0.1%lo", "fec0::1%lo", "::1%", "fe80::1%-1"]
            {
                assert_eq!(v6(host, flags).unwrap_err().code(), EAI_NONAME, "{host}");
            }
            for (host, scope) in
                [("fe80::1%lo", 1), ("ff02::1%lo", 1), ("ff01::1%lo", 1), ("::1%1", 1), ("::1%999", 999)]
            {
                assert_eq!(v6(host, flags), Ok(scope), "{host}");
            }
        }
    }
}
