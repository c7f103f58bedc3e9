//! [`getnameinfo`]: an address back to a host and service name.

use std::io;
use std::net::SocketAddr;

use libc::c_int;

use sock_core::SockAddr;

use crate::consts::{NI_MAXHOST, NI_MAXSERV};
use crate::error::ResolveError;

/// `socket.getnameinfo(sockaddr, flags)`: the `(host, service)` names of `addr`.
///
/// With `NI_NUMERICHOST` the host is the address text; a scoped IPv6 address comes back with
/// its `%ifname` suffix. With `NI_NUMERICSERV` the service is the port's digits. Flowinfo and
/// scope id of an IPv6 address are passed on as given (Python's 4-tuple).
///
/// Errors: the [`ResolveError`] with libc's `EAI_*` code inside the `io::Error`, whose message
/// names the address (`getnameinfo 192.0.2.1:80: Name or service not known (EAI_NONAME)`; bad
/// `flags` are `EAI_BADFLAGS`, `InvalidInput`); a flowinfo over 20 bits is `InvalidInput`
/// "flowinfo: flowinfo must be 0-1048575" (CPython's `OverflowError`). CPython's other checks
/// of its tuple argument (a 2-tuple for IPv4, port and scope id ranges, a numeric host) are
/// the `SocketAddr` type.
///
/// ```
/// use sock::consts::{NI_NUMERICHOST, NI_NUMERICSERV};
/// let (host, port) = sock::getnameinfo("127.0.0.1:80".parse().unwrap(), NI_NUMERICHOST | NI_NUMERICSERV)?;
/// assert_eq!((host.as_str(), port.as_str()), ("127.0.0.1", "80"));
/// let bad = sock::getnameinfo("127.0.0.1:80".parse().unwrap(), 0x4000_0000).unwrap_err();
/// assert_eq!(bad.to_string(), "getnameinfo 127.0.0.1:80: Bad value for ai_flags (EAI_BADFLAGS)");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn getnameinfo(addr: SocketAddr, flags: c_int) -> io::Result<(String, String)> {
    nameinfo(addr, flags).map_err(|e| e.into_io("getnameinfo", addr))
}

/// [`getnameinfo`] with the typed error.
fn nameinfo(addr: SocketAddr, flags: c_int) -> Result<(String, String), ResolveError> {
    if let SocketAddr::V6(v6) = addr {
        if v6.flowinfo() > FLOWINFO_MAX {
            return Err(ResolveError::invalid_argument("flowinfo", "flowinfo must be 0-1048575"));
        }
    }
    let raw = SockAddr::from(addr);
    let mut host = [0u8; NI_MAXHOST as usize];
    let mut serv = [0u8; NI_MAXSERV as usize];
    // SAFETY: `raw` is a complete sockaddr of `socklen()` bytes; both output buffers are ours
    // with their true lengths.
    let rc = unsafe {
        libc::getnameinfo(
            raw.as_ptr(),
            raw.socklen(),
            host.as_mut_ptr().cast(),
            host.len() as libc::socklen_t,
            serv.as_mut_ptr().cast(),
            serv.len() as libc::socklen_t,
            flags,
        )
    };
    if rc != 0 {
        return Err(ResolveError::from_gai(rc));
    }
    Ok((until_nul(&host), until_nul(&serv)))
}

/// The largest IPv6 flow label (20 bits), as CPython checks it.
const FLOWINFO_MAX: u32 = 0xfffff;

/// The text of a NUL-terminated buffer (the whole buffer if it has no NUL).
fn until_nul(buf: &[u8]) -> String {
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    String::from_utf8_lossy(&buf[..end]).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consts::*;

    #[test]
    fn numeric_forms() {
        let f = NI_NUMERICHOST | NI_NUMERICSERV;
        assert_eq!(getnameinfo("[::1]:8080".parse().unwrap(), f).unwrap(), ("::1".into(), "8080".into()));
        let scoped = SocketAddr::V6(std::net::SocketAddrV6::new("fe80::1".parse().unwrap(), 1234, 0, 1));
        assert_eq!(getnameinfo(scoped, f).unwrap().0, "fe80::1%lo");
        assert_eq!(until_nul(b"ab"), "ab");
    }

    /// CPython: `getnameinfo(('::1', 80, 0xffffffff, 0), 0)` is `OverflowError: flowinfo must
    /// be 0-1048575`; 0xfffff is the largest accepted.
    #[test]
    fn flowinfo_is_range_checked() {
        let f = NI_NUMERICHOST | NI_NUMERICSERV;
        let with_flow = |flow| SocketAddr::V6(std::net::SocketAddrV6::new(std::net::Ipv6Addr::LOCALHOST, 80, flow, 0));
        assert_eq!(getnameinfo(with_flow(0xfffff), f).unwrap(), ("::1".into(), "80".into()));
        for flow in [0x100000, u32::MAX] {
            let err = getnameinfo(with_flow(flow), f).unwrap_err();
            let typed = ResolveError::from_io(&err).unwrap();
            assert_eq!((typed.class(), typed.code()), (crate::ResolveErrorClass::InvalidArgument, 0));
            assert_eq!(err.to_string(), "flowinfo: flowinfo must be 0-1048575");
            assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        }
        let bad_flags = getnameinfo(with_flow(0), 0x4000_0000).unwrap_err();
        assert_eq!(ResolveError::from_io(&bad_flags).map(ResolveError::code), Some(EAI_BADFLAGS));
        assert_eq!(bad_flags.kind(), io::ErrorKind::InvalidInput);
        assert_eq!(bad_flags.to_string(), "getnameinfo [::1]:80: Bad value for ai_flags (EAI_BADFLAGS)");
    }
}
