//! [`getnameinfo`]: an address back to a host and service name.

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
/// ```
/// use sock_resolve::{getnameinfo, consts::{NI_NUMERICHOST, NI_NUMERICSERV}};
/// let (host, port) = getnameinfo("127.0.0.1:80".parse().unwrap(), NI_NUMERICHOST | NI_NUMERICSERV)?;
/// assert_eq!((host.as_str(), port.as_str()), ("127.0.0.1", "80"));
/// # Ok::<(), sock_resolve::ResolveError>(())
/// ```
pub fn getnameinfo(addr: SocketAddr, flags: c_int) -> Result<(String, String), ResolveError> {
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
}
