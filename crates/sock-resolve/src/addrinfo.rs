//! [`getaddrinfo`] and its result entries, [`AddrInfo`].

use std::ffi::{CStr, CString};
use std::fmt;
use std::io;
use std::net::SocketAddr;
use std::ptr;

use libc::c_int;

use sock_core::{Family, IntoProtocol, Protocol, SockAddr, Type};

use crate::consts::AI_NUMERICHOST;
use crate::error::ResolveError;
use crate::numeric;
use crate::service::Service;
use crate::sys::{c_string, check_no_nul};

/// One entry of [`getaddrinfo`]'s result: Python's `(family, type, proto, canonname, sockaddr)`,
/// typed: the first three go straight to [`sock::Socket::new`](sock_core::Socket::new).
///
/// ```
/// use sock::{Family, Protocol, Socket, Type};
/// let infos = sock::getaddrinfo(Some("127.0.0.1"), 80, Family::INET, Type::STREAM, None, 0)?;
/// let ai = &infos[0];
/// assert_eq!((ai.family, ai.ty, ai.protocol), (Family::INET, Type::STREAM, Protocol::TCP));
/// let s = Socket::new(ai.family, ai.ty, ai.protocol)?;
/// assert_eq!(s.family(), Family::INET);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AddrInfo {
    /// `AF_INET` or `AF_INET6`.
    pub family: Family,
    /// The socket type (`SOCK_STREAM`, `SOCK_DGRAM`, `SOCK_RAW`...).
    pub ty: Type,
    /// The protocol (`IPPROTO_TCP`, `IPPROTO_UDP`, or 0 for raw sockets).
    pub protocol: Protocol,
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
/// decimal index up to `u32::MAX` is one on any IPv6 address. `port` is anything that
/// converts into a [`Service`] (`u16`, `&str`, `None`).
///
/// `family`, `ty` and `protocol` narrow the results (0 = any): CPython's integers as they are
/// (`0`, `AF_INET`, `SOCK_STREAM`, `IPPROTO_TCP`) or the typed [`Family`], [`Type`] and
/// [`Protocol`] (`None` for any protocol). `flags` are the `AI_*` constants or'ed together, a
/// plain `c_int` (a typed flag set would need a copy of `MsgFlags`' machinery here for one
/// argument). Only `AF_INET`/`AF_INET6` entries are returned.
///
/// A numeric host never reaches NSS (the name service switch): the usual cases are answered
/// without calling libc, the rest go to libc with `AI_NUMERICHOST` added.
///
/// Errors: the [`ResolveError`] with the `EAI_*` code inside the `io::Error`, whose message
/// names the host and port (`getaddrinfo nosuch.invalid:80: Name or service not known
/// (EAI_NONAME)`) and whose kind fits the code (see [`ResolveError`]); a NUL character in
/// `host` or in a service name is `InvalidInput` naming `host` or `port` (CPython cuts the C
/// string short at the NUL instead).
///
/// ```
/// use sock::consts::{AF_INET6, IPPROTO_TCP, SOCK_STREAM};
/// use sock::{Family, Protocol, Type};
/// // As Python writes it ...
/// let v6 = sock::getaddrinfo(Some("::1"), "80", AF_INET6, SOCK_STREAM, 0, 0)?;
/// assert_eq!(v6[0].addr, "[::1]:80".parse().unwrap());
/// assert_eq!(v6[0].protocol.raw(), IPPROTO_TCP);
/// // ... or typed.
/// let typed = sock::getaddrinfo(Some("::1"), 80, Family::INET6, Type::STREAM, Protocol::TCP, 0)?;
/// assert_eq!(typed, v6);
/// let err = sock::getaddrinfo(Some("::1"), "no-such-service", 0, SOCK_STREAM, 0, 0).unwrap_err();
/// assert_eq!(err.to_string(), "getaddrinfo [::1]:no-such-service: Servname not supported for ai_socktype (EAI_SERVICE)");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn getaddrinfo<'a>(
    host: Option<&str>,
    port: impl Into<Service<'a>>,
    family: impl Into<Family>,
    ty: impl Into<Type>,
    protocol: impl IntoProtocol,
    flags: c_int,
) -> io::Result<Vec<AddrInfo>> {
    let port = port.into();
    let protocol = protocol.into_protocol().unwrap_or(Protocol::DEFAULT);
    lookup(host, port, family.into().raw(), ty.into().raw(), protocol.raw(), flags)
        .map_err(|e| e.into_io("getaddrinfo", Target(host, port)))
}

/// What a `getaddrinfo` looked up, for its error message: `host:port` (`[v6]:port`), the
/// host alone without a service, `:port` without a host.
struct Target<'a>(Option<&'a str>, Service<'a>);

impl fmt::Display for Target<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let host = self.0.unwrap_or("");
        match self.1 {
            Service::None => f.write_str(host),
            port if host.contains(':') => write!(f, "[{host}]:{port}"),
            port => write!(f, "{host}:{port}"),
        }
    }
}

/// [`getaddrinfo`] with the raw numbers and the typed error: the lookup itself, for the
/// functions of this crate that name their own operation in the error.
pub(crate) fn lookup(
    host: Option<&str>,
    port: Service<'_>,
    family: c_int,
    ty: c_int,
    proto: c_int,
    flags: c_int,
) -> Result<Vec<AddrInfo>, ResolveError> {
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
            out.push(AddrInfo {
                family: Family(ai.ai_family),
                ty: Type(ai.ai_socktype),
                protocol: Protocol(ai.ai_protocol),
                canonname,
                addr,
            });
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

    /// A NUL in the host or a service name is a bad argument, found before libc (which would
    /// cut the strings short: "localhost\0x" and "80\0x" would resolve), with or without
    /// the fast path.
    #[test]
    fn nul_in_host_or_port() {
        let nul = |r: io::Result<Vec<AddrInfo>>| {
            let e = r.unwrap_err();
            let class = ResolveError::from_io(&e).map(ResolveError::class);
            (e.kind(), class, e.to_string())
        };
        let want = |arg: &str| {
            (
                io::ErrorKind::InvalidInput,
                Some(crate::ResolveErrorClass::InvalidArgument),
                format!("{arg}: embedded null character"),
            )
        };
        for flags in [0, AI_NUMERICHOST] {
            for host in ["localhost\0x", "127.0.0.1\0", "fe80::1%lo\0x", "\0"] {
                assert_eq!(nul(getaddrinfo(Some(host), 80, 0, 0, 0, flags)), want("host"), "{host:?}");
            }
            assert_eq!(nul(getaddrinfo(Some("127.0.0.1"), "80\0x", 0, 0, 0, flags)), want("port"));
            assert_eq!(nul(getaddrinfo(None, "80\0x", 0, 0, 0, flags)), want("port"));
        }
    }

    /// The message names the host and the port as they were asked for.
    #[test]
    fn errors_name_host_and_port() {
        let text = |host, port: Service<'_>| {
            getaddrinfo(host, port, 0, libc::SOCK_STREAM, 0, AI_NUMERICHOST).unwrap_err().to_string()
        };
        let noname = "Name or service not known (EAI_NONAME)";
        assert_eq!(text(Some("nosuch.invalid"), Service::Port(80)), format!("getaddrinfo nosuch.invalid:80: {noname}"));
        assert_eq!(text(Some("nosuch.invalid"), Service::None), format!("getaddrinfo nosuch.invalid: {noname}"));
        assert_eq!(
            text(Some("fe80::1%nosuchif0"), Service::Name("http")),
            format!("getaddrinfo [fe80::1%nosuchif0]:http: {noname}")
        );
        assert_eq!(text(None, Service::None), format!("getaddrinfo: {noname}"));
        let e = getaddrinfo(Some("127.0.0.1"), 80, 12345, 0, 0, 0).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        assert_eq!(e.to_string(), "getaddrinfo 127.0.0.1:80: ai_family not supported (EAI_FAMILY)");
    }

    /// CPython's integers and the typed values ask the same question.
    #[test]
    fn raw_and_typed_arguments_agree() {
        let raw = getaddrinfo(Some("127.0.0.1"), 80, libc::AF_INET, libc::SOCK_DGRAM, libc::IPPROTO_UDP, 0).unwrap();
        let typed = getaddrinfo(Some("127.0.0.1"), 80, Family::INET, Type::DGRAM, Protocol::UDP, 0).unwrap();
        let none = getaddrinfo(Some("127.0.0.1"), 80, Family::INET, Type::DGRAM, None, 0).unwrap();
        assert_eq!(raw, typed);
        assert_eq!(raw, none);
        assert_eq!((raw[0].family, raw[0].ty, raw[0].protocol), (Family::INET, Type::DGRAM, Protocol::UDP));
    }
}
