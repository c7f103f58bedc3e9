//! Python's host strings for INET and INET6 sockets: `""`, `"<broadcast>"`, IP literals with
//! `%scope`, and host names, resolved to a `SocketAddr` for the socket's family.

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};

use sock_core::{invalid_input, Family};

/// The largest IPv6 flow label (20 bits).
pub const FLOWINFO_MAX: u32 = 0xfffff;

/// Checks a text argument that stands for a C string: a NUL character in it is
/// `InvalidInput` "{arg}: embedded null character" (CPython's `ValueError`), where C would
/// cut the text short.
pub(crate) fn check_no_nul(arg: &str, value: &str) -> io::Result<()> {
    if value.contains('\0') {
        return Err(invalid_input(arg, "embedded null character"));
    }
    Ok(())
}

/// Builds the address CPython builds for `(host, port)` or `(host, port, flowinfo, scope_id)`
/// on a socket of `family` (`AF_RDS` sockets use IPv4 addresses).
///
/// Host forms: `""` is `0.0.0.0` or `::`; `"<broadcast>"` (and `"255.255.255.255"`) is the
/// IPv4 broadcast address; IP literals are parsed directly (IPv6 may carry `%ifname` or
/// `%index`); anything else is resolved with `getaddrinfo` for the family and the first result
/// is taken. For IPv6, a non-zero `scope_id` argument wins over a `%scope` suffix (CPython
/// always overwrites it, even with 0; we keep the suffix's scope when the argument is 0).
///
/// Errors (`InvalidInput`, naming the argument): a NUL in `host`; `flowinfo` over 0xfffff;
/// flowinfo/scope on an IPv4 socket; `"<broadcast>"` on IPv6; a socket of another family.
/// Resolution failures are `sock_resolve::ResolveError`s inside the `io::Error`.
///
/// ```
/// use sock::Family;
/// use sock::inet::host_address;
/// assert_eq!(host_address(Family::INET, "", 80, None)?, "0.0.0.0:80".parse().unwrap());
/// assert_eq!(host_address(Family::INET6, "", 80, None)?, "[::]:80".parse().unwrap());
/// assert_eq!(host_address(Family::INET, "<broadcast>", 9, None)?, "255.255.255.255:9".parse().unwrap());
/// let scoped = std::net::SocketAddrV6::new("fe80::1".parse().unwrap(), 9, 5, 1);
/// assert_eq!(host_address(Family::INET6, "fe80::1%1", 9, Some((5, 0)))?, scoped.into());
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn host_address(family: Family, host: &str, port: u16, v6: Option<(u32, u32)>) -> io::Result<SocketAddr> {
    check_no_nul("host", host)?;
    let six = match family {
        Family::INET | Family::RDS => false,
        Family::INET6 => true,
        _ => return Err(invalid_input("address", "(host, port) addresses need an AF_INET, AF_INET6 or AF_RDS socket")),
    };
    if !six && v6.is_some() {
        return Err(invalid_input("address", "AF_INET address must be a pair (host, port)"));
    }
    let (flowinfo, scope_arg) = v6.unwrap_or((0, 0));
    if flowinfo > FLOWINFO_MAX {
        return Err(invalid_input("flowinfo", "flowinfo must be 0-1048575"));
    }
    let ip = resolve_ip(host, six)?;
    Ok(match ip {
        (IpAddr::V4(ip), _) => SocketAddr::V4(SocketAddrV4::new(ip, port)),
        (IpAddr::V6(ip), scope) => {
            let scope = if scope_arg != 0 { scope_arg } else { scope };
            SocketAddr::V6(SocketAddrV6::new(ip, port, flowinfo, scope))
        }
    })
}

/// The IP (and IPv6 scope) of a host string for an IPv4 (`six == false`) or IPv6 socket.
fn resolve_ip(host: &str, six: bool) -> io::Result<(IpAddr, u32)> {
    if host.is_empty() {
        return Ok(if six { (IpAddr::V6(Ipv6Addr::UNSPECIFIED), 0) } else { (IpAddr::V4(Ipv4Addr::UNSPECIFIED), 0) });
    }
    if host == "<broadcast>" || host == "255.255.255.255" {
        if six {
            return Err(invalid_input("host", "address family mismatched"));
        }
        return Ok((IpAddr::V4(Ipv4Addr::BROADCAST), 0));
    }
    if !six {
        if let Ok(ip) = host.parse::<Ipv4Addr>() {
            return Ok((IpAddr::V4(ip), 0));
        }
    } else if let Ok(ip) = host.parse::<Ipv6Addr>() {
        return Ok((IpAddr::V6(ip), 0));
    }
    let family = if six { libc::AF_INET6 } else { libc::AF_INET };
    let found = sock_resolve::getaddrinfo(Some(host), sock_resolve::Service::None, family, libc::SOCK_STREAM, 0, 0)?;
    let first = found.first().ok_or_else(|| io::Error::other("getaddrinfo returns an empty list"))?;
    Ok(match first.addr {
        SocketAddr::V4(a) => (IpAddr::V4(*a.ip()), 0),
        SocketAddr::V6(a) => (IpAddr::V6(*a.ip()), a.scope_id()),
    })
}

/// Checks a port given as a wider integer (Python ints): 0–65535, else `InvalidInput`
/// "port must be 0-65535" (CPython's `OverflowError`).
///
/// ```
/// assert_eq!(sock::inet::checked_port(8080i64)?, 8080);
/// assert_eq!(sock::inet::checked_port(65536).unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
/// assert_eq!(sock::inet::checked_port(-1).unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn checked_port<T: TryInto<u16>>(port: T) -> io::Result<u16> {
    port.try_into().map_err(|_| invalid_input("port", "port must be 0-65535"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_forms() {
        let lo6: SocketAddr = "[::1]:7".parse().unwrap();
        assert_eq!(host_address(Family::INET6, "::1", 7, None).unwrap(), lo6);
        assert_eq!(host_address(Family::INET, "localhost", 7, None).unwrap(), "127.0.0.1:7".parse().unwrap());
        assert_eq!(host_address(Family::RDS, "127.0.0.1", 7, None).unwrap(), "127.0.0.1:7".parse().unwrap());
        assert_eq!(host_address(Family::INET, "127.1", 7, None).unwrap(), "127.0.0.1:7".parse().unwrap());
        let scoped = host_address(Family::INET6, "fe80::1%lo", 7, None).unwrap();
        assert_eq!(scoped, SocketAddr::V6(SocketAddrV6::new("fe80::1".parse().unwrap(), 7, 0, 1)));
    }

    #[test]
    fn bad_input() {
        let kind = |r: io::Result<SocketAddr>| r.unwrap_err().kind();
        let nul = host_address(Family::INET, "127.0.0.1\0x", 1, None).unwrap_err();
        assert_eq!(
            (nul.kind(), nul.to_string()),
            (io::ErrorKind::InvalidInput, "host: embedded null character".into())
        );
        let flow = host_address(Family::INET6, "::1", 1, Some((u32::MAX, 0))).unwrap_err();
        assert_eq!(
            (flow.kind(), flow.to_string()),
            (io::ErrorKind::InvalidInput, "flowinfo: flowinfo must be 0-1048575".into())
        );
        assert_eq!(kind(host_address(Family::INET6, "::1", 1, Some((0x100000, 0)))), io::ErrorKind::InvalidInput);
        assert_eq!(kind(host_address(Family::INET, "1.2.3.4", 1, Some((0, 0)))), io::ErrorKind::InvalidInput);
        assert_eq!(kind(host_address(Family::INET6, "<broadcast>", 1, None)), io::ErrorKind::InvalidInput);
        assert_eq!(kind(host_address(Family::UNIX, "x", 1, None)), io::ErrorKind::InvalidInput);
        // An IPv4 literal on an IPv6 socket: getaddrinfo's EAI_ADDRFAMILY, as in CPython.
        // (Malformed literals such as "::1::2" are host names to getaddrinfo, so they would
        // go to DNS: not tested here.)
        let v4_on_v6 = host_address(Family::INET6, "127.0.0.1", 1, None).unwrap_err();
        assert_eq!(v4_on_v6.kind(), io::ErrorKind::NotFound);
        let typed = sock_resolve::ResolveError::from_io(&v4_on_v6).expect("a resolver error");
        assert_eq!(typed.code(), sock_resolve::consts::EAI_ADDRFAMILY);
        for port in [65536i64, -1, i64::MAX] {
            assert_eq!(checked_port(port).unwrap_err().kind(), io::ErrorKind::InvalidInput, "{port}");
        }
        assert_eq!(checked_port(65536u32).unwrap_err().to_string(), "port: port must be 0-65535");
    }
}
