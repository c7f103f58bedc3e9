//! The host database: [`gethostbyname`], [`gethostbyname_ex`], [`gethostbyaddr`],
//! [`getfqdn`].

use std::io;
use std::net::{IpAddr, Ipv4Addr};

use sock_core::ErrorContext;

use crate::addrinfo::lookup;
use crate::hostname::gethostname;
use crate::service::Service;
use crate::sys::{self, c_string, check_no_nul};

/// A host database entry: Python's `(hostname, aliaslist, ipaddrlist)`.
///
/// ```
/// let ent: sock::resolve::HostEnt = sock::gethostbyname_ex("127.0.0.1")?;
/// assert_eq!(ent.addrs, [std::net::IpAddr::from([127, 0, 0, 1])]);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct HostEnt {
    /// The primary host name.
    pub name: String,
    /// Other names of the host.
    pub aliases: Vec<String>,
    /// Its addresses.
    pub addrs: Vec<IpAddr>,
}

/// Resolves a host string to one address of `family` as CPython's `setipaddr` does, for the
/// function `op`: `""` is the wildcard, `"<broadcast>"` and `"255.255.255.255"` the IPv4
/// broadcast, anything else goes through `getaddrinfo` and the first result wins. A NUL in
/// `host` is `InvalidInput` naming `arg`; the other errors name `op` and `host`.
fn first_address(op: &'static str, arg: &'static str, host: &str, family: libc::c_int) -> io::Result<IpAddr> {
    check_no_nul(arg, host)?;
    if host.is_empty() {
        return Ok(if family == libc::AF_INET6 { IpAddr::from([0u16; 8]) } else { IpAddr::V4(Ipv4Addr::UNSPECIFIED) });
    }
    if host == "<broadcast>" || host == "255.255.255.255" {
        if family != libc::AF_INET && family != libc::AF_UNSPEC {
            return Err(failed(op, host, io::ErrorKind::InvalidInput, "address family mismatched"));
        }
        return Ok(IpAddr::V4(Ipv4Addr::BROADCAST));
    }
    let found = lookup(Some(host), Service::None, family, 0, 0, 0).map_err(|e| e.into_io(op, host))?;
    found
        .first()
        .map(|ai| ai.addr.ip())
        .ok_or_else(|| failed(op, host, io::ErrorKind::NotFound, "getaddrinfo returns an empty list"))
}

/// An error of this module's own making: `{op} {host}: {text}`.
#[cold]
fn failed(op: &'static str, host: &str, kind: io::ErrorKind, text: &'static str) -> io::Error {
    ErrorContext::new(io::Error::new(kind, text), host).operation(op).into()
}

/// `socket.gethostbyname(hostname)`: the first IPv4 address of a name (`""` is `0.0.0.0`,
/// `"<broadcast>"` is `255.255.255.255`).
///
/// Errors: the resolver's, named `gethostbyname {hostname}` (see
/// [`ResolveError`](crate::ResolveError)); a NUL character is `InvalidInput` naming
/// `hostname`.
///
/// ```
/// use std::net::Ipv4Addr;
/// assert_eq!(sock::gethostbyname("127.0.0.1")?, Ipv4Addr::LOCALHOST);
/// assert_eq!(sock::gethostbyname("<broadcast>")?, Ipv4Addr::BROADCAST);
/// let v6 = sock::gethostbyname("::1").unwrap_err();
/// assert_eq!(v6.to_string(), "gethostbyname ::1: Address family for hostname not supported (EAI_ADDRFAMILY)");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn gethostbyname(hostname: &str) -> io::Result<Ipv4Addr> {
    match first_address("gethostbyname", "hostname", hostname, libc::AF_INET)? {
        IpAddr::V4(ip) => Ok(ip),
        IpAddr::V6(_) => {
            Err(failed("gethostbyname", hostname, io::ErrorKind::InvalidInput, "address family mismatched"))
        }
    }
}

/// `socket.gethostbyname_ex(hostname)`: the host's IPv4 entry (name, aliases, addresses).
///
/// As in CPython, the name is first resolved like [`gethostbyname`] (so an unknown name is a
/// `getaddrinfo` error, `EAI_NONAME`), then read from the host database, whose failures are a
/// [`ResolveError`](crate::ResolveError) of class
/// [`HostDb`](crate::ResolveErrorClass::HostDb) inside the `io::Error`. Either way the
/// message names the operation and the host: `gethostbyname_ex nosuch.invalid: ...`.
///
/// ```
/// let ent = sock::gethostbyname_ex("localhost")?;
/// assert!(ent.addrs.contains(&std::net::IpAddr::from([127, 0, 0, 1])));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn gethostbyname_ex(hostname: &str) -> io::Result<HostEnt> {
    const OP: &str = "gethostbyname_ex";
    first_address(OP, "hostname", hostname, libc::AF_INET)?;
    let name = c_string("hostname", hostname)?;
    let (name, aliases, addrs) = sys::host_by_name(&name, libc::AF_INET).map_err(|e| e.into_io(OP, hostname))?;
    Ok(HostEnt { name, aliases, addrs })
}

/// `socket.gethostbyaddr(ip_address)`: the host entry of an address. A host name is accepted
/// too and resolved first, as in CPython. A failed lookup is a
/// [`ResolveError`](crate::ResolveError) of class [`HostDb`](crate::ResolveErrorClass::HostDb)
/// inside the `io::Error`, whose message names the address: `gethostbyaddr 192.0.2.1: Unknown
/// host (HOST_NOT_FOUND)`.
///
/// ```
/// let ent = sock::gethostbyaddr("127.0.0.1")?;
/// assert!(ent.addrs.contains(&std::net::IpAddr::from([127, 0, 0, 1])));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn gethostbyaddr(ip_address: &str) -> io::Result<HostEnt> {
    const OP: &str = "gethostbyaddr";
    let ip = first_address(OP, "ip_address", ip_address, libc::AF_UNSPEC)?;
    let (name, aliases, addrs) = sys::host_by_addr(ip).map_err(|e| e.into_io(OP, ip_address))?;
    Ok(HostEnt { name, aliases, addrs })
}

/// `socket.getfqdn(name='')`: a fully qualified name for `name` (this host when empty or a
/// wildcard): the first of the host name and aliases of `gethostbyaddr(name)` that contains
/// a dot, else the host name; `name` itself when the lookup fails. Never fails (CPython raises
/// `ValueError` for a NUL character in `name`; here such a name, which names no host, comes
/// back as it is).
///
/// ```
/// let this_host = sock::getfqdn("");
/// assert!(!this_host.is_empty());
/// assert_eq!(sock::getfqdn("no\0host"), "no\0host");
/// ```
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
        let mismatch = first_address("op", "host", "<broadcast>", libc::AF_INET6).unwrap_err();
        assert_eq!(mismatch.to_string(), "op <broadcast>: address family mismatched");
        assert_eq!(mismatch.kind(), io::ErrorKind::InvalidInput);
        assert_eq!(first_address("op", "host", "", libc::AF_INET6).unwrap(), IpAddr::from([0u16; 8]));
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
