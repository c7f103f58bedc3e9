//! CPython's tuple forms of an AF_ALG address: `("hash", "sha256")` and
//! `("hash", "sha256", feat, mask)`.

use std::io;

use sock_core::{SockAddr, Socket, ToSockAddr};

use crate::addr::AlgAddr;

/// The marker of the tuple forms that `sock-alg` accepts as addresses: `("hash", "sha256")`
/// and `("hash", "sha256", feat, mask)` (see [`ToSockAddr`]).
///
/// ```
/// use sock::alg::{AlgAddr, AlgForm};
/// use sock::{FamilyAddr, ToSockAddr};
/// // What `transform(("hash", "sha256"))` binds to; the tuple forms ignore the socket.
/// let any = sock::Socket::new(sock::Family::UNIX, sock::Type::DGRAM, None)?;
/// let raw = ToSockAddr::<AlgForm>::to_sock_addr(&("hash", "sha256"), &any)?;
/// assert_eq!(AlgAddr::decode(&raw)?, AlgAddr::new("hash", "sha256")?);
/// let raw = ToSockAddr::<AlgForm>::to_sock_addr(&("skcipher", "cbc(aes)", 0, 0x80), &any)?;
/// assert_eq!(AlgAddr::decode(&raw)?.to_string(), "skcipher:cbc(aes):0x0:0x80");
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub enum AlgForm {}

impl ToSockAddr<AlgForm> for (&str, &str) {
    fn to_sock_addr(&self, _: &Socket) -> io::Result<SockAddr> {
        Ok(SockAddr::from(AlgAddr::new(self.0, self.1)?))
    }
}

impl ToSockAddr<AlgForm> for (&str, &str, u32, u32) {
    fn to_sock_addr(&self, _: &Socket) -> io::Result<SockAddr> {
        Ok(SockAddr::from(AlgAddr::with_flags(self.0, self.1, self.2, self.3)?))
    }
}
