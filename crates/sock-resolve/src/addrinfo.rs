//! [`getaddrinfo`] and its result entries, [`AddrInfo`].

use std::ffi::{CStr, CString};
use std::net::SocketAddr;
use std::ptr;

use libc::c_int;

use sock_core::SockAddr;

use crate::consts::AI_NUMERICHOST;
use crate::error::ResolveError;
use crate::numeric;
use crate::service::Service;
use crate::sys::{c_string, check_no_nul};

/// One entry of [`getaddrinfo`]'s result: Python's `(family, type, proto, canonname, sockaddr)`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AddrInfo {
    /// `AF_INET` or `AF_INET6`, for `Socket::new`.
    pub family: c_int,
    /// The socket type (`SOCK_STREAM`...).
    pub ty: c_int,
    /// The protocol (`IPPROTO_TCP`...).
    pub proto: c_int,
    /// The canonical name with `AI_CANONNAME` (on the first entry), else empty.
    pub canonname: String,
    /// The address; IPv6 keeps flowinfo and scope id.
    pub addr: SocketAddr,
}

/// `socket.getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)`.
///
/// `host` is a name, an IP literal (IPv6 with an optional `%ifname` or `%index` scope) or
/// `None`. As in glibc, an interface name is a scope only on link-local (`fe80::/10`) and
/// node- or link-local multicast (`ffx1::`, `ffx2::`) addresses (elsewhere `EAI_NONAME`); a
/// decimal index up to `u32::MAX` is one on any IPv6 address; `port` is anything that converts into a [`Service`] (`u16`, `&str`, `None`).
/// `family`, `ty`, `proto` narrow the results (0 = any; raw `c_int`s as in Python, or
/// `sock_core`'s `Family`/`Type`/`Protocol`); `flags` are `AI_*` constants. Only
/// `AF_INET`/`AF_INET6` entries are returned.
///
/// A numeric host never reaches NSS (the name service switch): the usual cases are answered
/// without calling libc, the rest go to libc with `AI_NUMERICHOST` added.
///
/// Errors: [`ResolveError`] with the `EAI_*` code; a NUL character in `host` or in a service
/// name is a [`ResolveError`] of kind
/// [`InvalidArgument`](crate::ResolveErrorKind::InvalidArgument) naming `host` or `port`
/// (CPython cuts the C string short at the NUL instead).
///
/// ```
/// use sock_resolve::getaddrinfo;
/// use sock_core::{Family, Type};
/// let v6 = getaddrinfo(Some("::1"), "80", Family::INET6, Type::STREAM, 0, 0)?;
/// assert_eq!(v6[0].addr, "[::1]:80".parse().unwrap());
/// assert_eq!(v6[0].proto, libc::IPPROTO_TCP);
/// # Ok::<(), sock_resolve::ResolveError>(())
/// ```
pub fn getaddrinfo<'a>(
    host: Option<&str>,
    port: impl Into<Service<'a>>,
    family: impl Into<c_int>,
    ty: impl Into<c_int>,
    proto: impl Into<c_int>,
    flags: c_int,
) -> Result<Vec<AddrInfo>, ResolveError> {
    let (port, family, ty, proto) = (port.into(), family.into(), ty.into(), proto.into());
    if let Some(host) = host {
        check_no_nul("host", host)?;
    }
    if let Service::Name(name) = port {
        check_no_nul("port", name)?;
    }
    if let Some(host) = host {
        if let Some(literal) = numeric::parse_literal(host) {
            if let Some(answer) = numeric::answer(host, &literal, port, family, ty, proto, flags) {
                return Ok(answer);
            }
            return call_libc(Some(host), port, family, ty, proto, flags | AI_NUMERICHOST);
        }
    }
    call_libc(host, port, family, ty, proto, flags)
}

fn call_libc(
    host: Option<&str>,
    port: Service<'_>,
    family: c_int,
    ty: c_int,
    proto: c_int,
    flags: c_int,
) -> Result<Vec<AddrInfo>, ResolveError> {
    let host = host.map(|h| c_string("host", h)).transpose()?;
    let serv: Option<CString> = match port {
        Service::None => None,
        Service::Port(p) => Some(c_string("port", &p.to_string())?),
        Service::Name(s) => Some(c_string("port", s)?),
    };
    raw_getaddrinfo(host.as_deref(), serv.as_deref(), family, ty, proto, flags)
}

/// Frees a `getaddrinfo` list when dropped (only ever built from a successful call: after an
/// error there is nothing to free, gh-100795).
struct List(*mut libc::addrinfo);

impl Drop for List {
    fn drop(&mut self) {
        // SAFETY: `self.0` is the non-null list a successful getaddrinfo returned, freed once.
        unsafe { libc::freeaddrinfo(self.0) }
    }
}

/// The raw call, and the walk over its result.
pub(crate) fn raw_getaddrinfo(
    host: Option<&CStr>,
    serv: Option<&CStr>,
    family: c_int,
    ty: c_int,
    proto: c_int,
    flags: c_int,
) -> Result<Vec<AddrInfo>, ResolveError> {
    // SAFETY: all-zero is a valid `addrinfo` (null pointers, zero numbers): the hints form.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = family;
    hints.ai_socktype = ty;
    hints.ai_protocol = proto;
    hints.ai_flags = flags;
    let mut res: *mut libc::addrinfo = ptr::null_mut();
    // SAFETY: host/serv are C strings or NULL, hints is initialised, res is an out-pointer.
    let rc = unsafe {
        libc::getaddrinfo(
            host.map_or(ptr::null(), CStr::as_ptr),
            serv.map_or(ptr::null(), CStr::as_ptr),
            &hints,
            &mut res,
        )
    };
    if rc != 0 {
        return Err(ResolveError::from_gai(rc));
    }
    if res.is_null() {
        return Ok(Vec::new());
    }
    let list = List(res);
    let mut out = Vec::new();
    let mut cur = list.0.cast_const();
    while !cur.is_null() {
        // SAFETY: `cur` is a node of the list libc returned, alive until `list` drops.
        let ai = unsafe { &*cur };
        if let Some(addr) = node_addr(ai) {
            let canonname = if ai.ai_canonname.is_null() {
                String::new()
            } else {
                // SAFETY: a non-null `ai_canonname` is a NUL-terminated string in the list.
                unsafe { CStr::from_ptr(ai.ai_canonname) }.to_string_lossy().into_owned()
            };
            out.push(AddrInfo { family: ai.ai_family, ty: ai.ai_socktype, proto: ai.ai_protocol, canonname, addr });
        }
        cur = ai.ai_next;
    }
    drop(list);
    Ok(out)
}

/// The INET/INET6 address of one node.
fn node_addr(ai: &libc::addrinfo) -> Option<SocketAddr> {
    if ai.ai_addr.is_null() {
        return None;
    }
    let len = (ai.ai_addrlen as usize).min(sock_core::SOCKADDR_MAX);
    // SAFETY: `ai_addr` points to `ai_addrlen` bytes of address inside the list; we read at
    // most that many.
    let bytes = unsafe { std::slice::from_raw_parts(ai.ai_addr.cast::<u8>(), len) };
    SockAddr::from_bytes(bytes).ok()?.as_socket()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ResolveErrorKind;

    /// A NUL in the host or a service name is a bad argument, found before libc (which would
    /// cut the strings short: "localhost\0x" and "80\0x" would resolve), with or without
    /// the fast path.
    #[test]
    fn nul_in_host_or_port() {
        let nul = |r: Result<Vec<AddrInfo>, ResolveError>| {
            let e = r.unwrap_err();
            (e.kind(), e.code(), e.to_string())
        };
        let want = |arg: &str| (ResolveErrorKind::InvalidArgument, 0, format!("{arg}: embedded null character"));
        for flags in [0, AI_NUMERICHOST] {
            for host in ["localhost\0x", "127.0.0.1\0", "fe80::1%lo\0x", "\0"] {
                assert_eq!(nul(getaddrinfo(Some(host), 80, 0, 0, 0, flags)), want("host"), "{host:?}");
            }
            assert_eq!(nul(getaddrinfo(Some("127.0.0.1"), "80\0x", 0, 0, 0, flags)), want("port"));
            assert_eq!(nul(getaddrinfo(None, "80\0x", 0, 0, 0, flags)), want("port"));
        }
        let io = std::io::Error::from(getaddrinfo(Some("::1\0"), 80, 0, 0, 0, 0).unwrap_err());
        assert_eq!(io.kind(), std::io::ErrorKind::InvalidInput);
    }
}
