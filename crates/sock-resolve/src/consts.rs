//! Resolver constants under their Python names with the glibc values: `EAI_*` (error codes of
//! [`getaddrinfo`](crate::getaddrinfo)), `AI_*` (its flags) and `NI_*`
//! ([`getnameinfo`](crate::getnameinfo) flags and buffer sizes).
//!
//! ```
//! use sock::consts::{AI_NUMERICHOST, EAI_NONAME, NI_NUMERICHOST, NI_NUMERICSERV};
//! let err = sock::getaddrinfo(Some("localhost"), 80, 0, 0, 0, AI_NUMERICHOST).unwrap_err();
//! assert_eq!(sock::ResolveError::from_io(&err).unwrap().code(), EAI_NONAME);
//! let (host, port) = sock::getnameinfo("[::1]:22".parse().unwrap(), NI_NUMERICHOST | NI_NUMERICSERV)?;
//! assert_eq!((host.as_str(), port.as_str()), ("::1", "22"));
//! # Ok::<(), std::io::Error>(())
//! ```

use libc::c_int;

// getaddrinfo/getnameinfo error codes.

/// `EAI_BADFLAGS`: invalid value for `ai_flags` (or for `getnameinfo`'s flags).
pub const EAI_BADFLAGS: c_int = libc::EAI_BADFLAGS;
/// `EAI_NONAME`: the name or service is not known (or with `AI_NUMERICHOST`/`NI_NAMEREQD`,
/// not numeric / has no name).
pub const EAI_NONAME: c_int = libc::EAI_NONAME;
/// `EAI_AGAIN`: temporary failure in name resolution (a name server did not answer in time,
/// or answered "try again"); asking later may work.
pub const EAI_AGAIN: c_int = libc::EAI_AGAIN;
/// `EAI_FAIL`: non-recoverable failure in name resolution (a name server answered with a
/// permanent error).
pub const EAI_FAIL: c_int = libc::EAI_FAIL;
/// `EAI_NODATA`: the host is known but has no address (glibc extension, -5).
pub const EAI_NODATA: c_int = -5;
/// `EAI_FAMILY`: `ai_family` is not supported.
pub const EAI_FAMILY: c_int = libc::EAI_FAMILY;
/// `EAI_SOCKTYPE`: `ai_socktype` is not supported.
pub const EAI_SOCKTYPE: c_int = libc::EAI_SOCKTYPE;
/// `EAI_SERVICE`: the service is not known, or not available for the socket type.
pub const EAI_SERVICE: c_int = libc::EAI_SERVICE;
/// `EAI_ADDRFAMILY`: the host has no address in the requested family (glibc extension, -9).
pub const EAI_ADDRFAMILY: c_int = -9;
/// `EAI_MEMORY`: memory allocation failure.
pub const EAI_MEMORY: c_int = libc::EAI_MEMORY;
/// `EAI_SYSTEM`: a system error; `errno` holds it (this crate returns that OS error).
pub const EAI_SYSTEM: c_int = libc::EAI_SYSTEM;
/// `EAI_OVERFLOW`: an argument buffer was too small (`getnameinfo`'s host or service buffer).
pub const EAI_OVERFLOW: c_int = libc::EAI_OVERFLOW;

// getaddrinfo flags.

/// `AI_PASSIVE`: with no host, return the wildcard address (`0.0.0.0`, `::`) for `bind`
/// instead of the loopback address.
pub const AI_PASSIVE: c_int = libc::AI_PASSIVE;
/// `AI_CANONNAME`: put the host's canonical name in the first result's `canonname`.
pub const AI_CANONNAME: c_int = libc::AI_CANONNAME;
/// `AI_NUMERICHOST`: the host must be a numeric address; never ask a name service.
pub const AI_NUMERICHOST: c_int = libc::AI_NUMERICHOST;
/// `AI_V4MAPPED`: with `AF_INET6` and no IPv6 address, return IPv4 addresses as IPv4-mapped
/// IPv6 ones (`::ffff:a.b.c.d`).
pub const AI_V4MAPPED: c_int = libc::AI_V4MAPPED;
/// `AI_ALL`: with `AI_V4MAPPED`, return IPv6 and IPv4-mapped addresses both.
pub const AI_ALL: c_int = libc::AI_ALL;
/// `AI_ADDRCONFIG`: return IPv4 (IPv6) addresses only if the host has an IPv4 (IPv6) address
/// configured, loopback excepted.
pub const AI_ADDRCONFIG: c_int = libc::AI_ADDRCONFIG;
/// `AI_NUMERICSERV`: the service must be a port number; never look a name up in the
/// services database.
pub const AI_NUMERICSERV: c_int = libc::AI_NUMERICSERV;

// getnameinfo flags and sizes.

/// `NI_NUMERICHOST`: return the address as text instead of looking up its name.
pub const NI_NUMERICHOST: c_int = libc::NI_NUMERICHOST;
/// `NI_NUMERICSERV`: return the port as digits instead of looking up the service name.
pub const NI_NUMERICSERV: c_int = libc::NI_NUMERICSERV;
/// `NI_NOFQDN`: for local hosts, return only the host name part of the fully qualified name.
pub const NI_NOFQDN: c_int = libc::NI_NOFQDN;
/// `NI_NAMEREQD`: fail (`EAI_NONAME`) when the address has no name, instead of returning it
/// as text.
pub const NI_NAMEREQD: c_int = libc::NI_NAMEREQD;
/// `NI_DGRAM`: look the port up as a UDP service (the services of some ports differ between
/// TCP and UDP).
pub const NI_DGRAM: c_int = libc::NI_DGRAM;
/// `NI_MAXHOST`: the size of a buffer large enough for any host name `getnameinfo` returns
/// (1025 bytes, NUL included).
pub const NI_MAXHOST: c_int = 1025;
/// `NI_MAXSERV`: the size of a buffer large enough for any service name `getnameinfo` returns
/// (32 bytes, NUL included).
pub const NI_MAXSERV: c_int = 32;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_glibc() {
        assert_eq!((EAI_BADFLAGS, EAI_NONAME, EAI_AGAIN, EAI_SYSTEM, EAI_OVERFLOW), (-1, -2, -3, -11, -12));
        assert_eq!((AI_PASSIVE, AI_CANONNAME, AI_NUMERICHOST, AI_NUMERICSERV), (1, 2, 4, 1024));
        assert_eq!((NI_NUMERICHOST, NI_NUMERICSERV, NI_NAMEREQD, NI_DGRAM), (1, 2, 8, 16));
    }
}
