//! CPython's tuple forms of an AF_ALG address: `("hash", "sha256")` and
//! `("hash", "sha256", feat, mask)`.

use std::io;

use sock_core::{SockAddr, Socket, ToSockAddr};

use crate::addr::AlgAddr;

/// The marker of the tuple forms that `sock-alg` accepts as addresses: `("hash", "sha256")`
/// and `("hash", "sha256", feat, mask)` (see [`ToSockAddr`]).
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
