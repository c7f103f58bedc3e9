//! The host database: [`gethostbyname`], [`gethostbyname_ex`], [`gethostbyaddr`],
//! [`getfqdn`].

use std::io;
use std::net::{IpAddr, Ipv4Addr};

use crate::addrinfo::getaddrinfo;
use crate::hostname::gethostname;
use crate::service::Service;
use crate::sys::{self, c_string, check_no_nul};

/// A host database entry: Python's `(hostname, aliaslist, ipaddrlist)`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct HostEnt {
    /// The primary host name.
    pub name: String,
    /// Other names of the host.
    pub aliases: Vec<String>,
    /// Its addresses.
    pub addrs: Vec<IpAddr>,
}

/// Resolves a host string to one address of `family` as CPython's `setipaddr` does: `""` is
/// the wildcard, `"<broadcast>"` and `"255.255.255.255"` the IPv4 broadcast, anything else
/// goes through `getaddrinfo` and the first result wins. A NUL in `host` is `InvalidInput`
/// naming `arg`.
fn first_address(arg: &'static str, host: &str, family: libc::c_int) -> io::Result<IpAddr> {
    check_no_nul(arg, host)?;
    if host.is_empty() {
        return Ok(if family == libc::AF_INET6 { IpAddr::from([0u16; 8]) } else { IpAddr::V4(Ipv4Addr::UNSPECIFIED) });
    }
    if host == "<broadcast>" || host == "255.255.255.255" {
        if family != libc::AF_INET && family != libc::AF_UNSPEC {
            return Err(io::Error::other("address family mismatched"));
        }
        return Ok(IpAddr::V4(Ipv4Addr::BROADCAST));
    }
    let found = getaddrinfo(Some(host), Service::None, family, 0, 0, 0)?;
    found.first().map(|ai| ai.addr.ip()).ok_or_else(|| io::Error::other("getaddrinfo returns an empty list"))
}

/// `socket.gethostbyname(hostname)`: the first IPv4 address of a name (`""` is `0.0.0.0`,
/// `"<broadcast>"` is `255.255.255.255`).
///
/// ```
/// assert_eq!(sock_resolve::gethostbyname("127.0.0.1")?, std::net::Ipv4Addr::LOCALHOST);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn gethostbyname(hostname: &str) -> io::Result<Ipv4Addr> {
    match first_address("hostname", hostname, libc::AF_INET)? {
        IpAddr::V4(ip) => Ok(ip),
        IpAddr::V6(_) => Err(io::Error::other("address family mismatched")),
    }
}

/// `socket.gethostbyname_ex(hostname)`: the host's IPv4 entry (name, aliases, addresses).
///
/// As in CPython, the name is first resolved like [`gethostbyname`] (so an unknown name is a
/// `getaddrinfo` error, `EAI_NONAME`), then read from the host database, whose failures are a
/// [`ResolveError`](crate::ResolveError) of kind `HostDb` inside the `io::Error`.
pub fn gethostbyname_ex(hostname: &str) -> io::Result<HostEnt> {
    first_address("hostname", hostname, libc::AF_INET)?;
    let name = c_string("hostname", hostname)?;
    let (name, aliases, addrs) = sys::host_by_name(&name, libc::AF_INET)?;
    Ok(HostEnt { name, aliases, addrs })
}

/// `socket.gethostbyaddr(ip_address)`: the host entry of an address. A host name is accepted
/// too and resolved first, as in CPython. A failed lookup is a [`ResolveError`](crate::ResolveError) of kind
/// `HostDb` inside the `io::Error`.
///
/// ```
/// let ent = sock_resolve::gethostbyaddr("127.0.0.1")?;
/// assert!(ent.addrs.contains(&std::net::IpAddr::from([127, 0, 0, 1])));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn gethostbyaddr(ip_address: &str) -> io::Result<HostEnt> {
    let ip = first_address("ip_address", ip_address, libc::AF_UNSPEC)?;
    let (name, aliases, addrs) = sys::host_by_addr(ip)?;
    Ok(HostEnt { name, aliases, addrs })
}

/// `socket.getfqdn(name='')`: a fully qualified name for `name` (this host when empty or a
/// wildcard): the first of the host name and aliases of `gethostbyaddr(name)` that contains
/// a dot, else the host name; `name` itself when the lookup fails. Never fails (CPython raises
/// `ValueError` for a NUL character in `name`; here such a name, which names no host, comes
/// back as it is).
pub fn getfqdn(name: &str) -> String {
    let mut name = name.trim().to_owned();
    if name.is_empty() || name == "0.0.0.0" || name == "::" {
        name = gethostname().unwrap_or_default();
    }
    match gethostbyaddr(&name) {
        Ok(ent) => {
            std::iter::once(&ent.name).chain(&ent.aliases).find(|n| n.contains('.')).unwrap_or(&ent.name).clone()
        }
        Err(_) => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_hosts() {
        assert_eq!(gethostbyname("").unwrap(), Ipv4Addr::UNSPECIFIED);
        assert_eq!(gethostbyname("<broadcast>").unwrap(), Ipv4Addr::BROADCAST);
        assert_eq!(
            first_address("host", "<broadcast>", libc::AF_INET6).unwrap_err().to_string(),
            "address family mismatched"
        );
        assert_eq!(first_address("host", "", libc::AF_INET6).unwrap(), IpAddr::from([0u16; 8]));
    }

    /// A NUL is `InvalidInput` naming the argument, found before any lookup (C would cut the
    /// name short: "localhost\0x" would be "localhost").
    #[test]
    fn nul_in_names() {
        let err = |r: io::Error| (r.kind(), r.to_string());
        let nul = |arg: &str| (io::ErrorKind::InvalidInput, format!("{arg}: embedded null character"));
        assert_eq!(err(gethostbyname("localhost\0x").unwrap_err()), nul("hostname"));
        assert_eq!(err(gethostbyname_ex("localhost\0x").unwrap_err()), nul("hostname"));
        assert_eq!(err(gethostbyaddr("127.0.0.1\0x").unwrap_err()), nul("ip_address"));
        assert_eq!(err(gethostbyaddr("\0").unwrap_err()), nul("ip_address"));
    }

    #[test]
    fn localhost_entry() {
        // Names the hosts file lacks are tested in tests/tests/resolve.rs inside a private
        // resolver namespace, so that no unit test can send a query to DNS.
        let ent = gethostbyname_ex("localhost").unwrap();
        assert!(ent.addrs.contains(&IpAddr::from([127, 0, 0, 1])));
    }
}
