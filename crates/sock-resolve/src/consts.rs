//! Resolver constants under their Python names with the glibc values: `EAI_*` (error codes of
//! [`getaddrinfo`](crate::getaddrinfo)), `AI_*` (its flags) and `NI_*`
//! ([`getnameinfo`](crate::getnameinfo) flags and buffer sizes).

#![allow(missing_docs)] // each constant is the glibc constant of the same name

use libc::c_int;

// getaddrinfo/getnameinfo error codes.
pub const EAI_BADFLAGS: c_int = libc::EAI_BADFLAGS;
pub const EAI_NONAME: c_int = libc::EAI_NONAME;
pub const EAI_AGAIN: c_int = libc::EAI_AGAIN;
pub const EAI_FAIL: c_int = libc::EAI_FAIL;
pub const EAI_NODATA: c_int = -5;
pub const EAI_FAMILY: c_int = libc::EAI_FAMILY;
pub const EAI_SOCKTYPE: c_int = libc::EAI_SOCKTYPE;
pub const EAI_SERVICE: c_int = libc::EAI_SERVICE;
pub const EAI_ADDRFAMILY: c_int = -9;
pub const EAI_MEMORY: c_int = libc::EAI_MEMORY;
pub const EAI_SYSTEM: c_int = libc::EAI_SYSTEM;
pub const EAI_OVERFLOW: c_int = libc::EAI_OVERFLOW;

// getaddrinfo flags.
pub const AI_PASSIVE: c_int = libc::AI_PASSIVE;
pub const AI_CANONNAME: c_int = libc::AI_CANONNAME;
pub const AI_NUMERICHOST: c_int = libc::AI_NUMERICHOST;
pub const AI_V4MAPPED: c_int = libc::AI_V4MAPPED;
pub const AI_ALL: c_int = libc::AI_ALL;
pub const AI_ADDRCONFIG: c_int = libc::AI_ADDRCONFIG;
pub const AI_NUMERICSERV: c_int = libc::AI_NUMERICSERV;

// getnameinfo flags and sizes.
pub const NI_NUMERICHOST: c_int = libc::NI_NUMERICHOST;
pub const NI_NUMERICSERV: c_int = libc::NI_NUMERICSERV;
pub const NI_NOFQDN: c_int = libc::NI_NOFQDN;
pub const NI_NAMEREQD: c_int = libc::NI_NAMEREQD;
pub const NI_DGRAM: c_int = libc::NI_DGRAM;
pub const NI_MAXHOST: c_int = 1025;
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
