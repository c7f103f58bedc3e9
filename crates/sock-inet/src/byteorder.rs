//! CPython's byte-order helpers: [`htons`], [`htonl`], [`ntohs`], [`ntohl`]. The argument
//! types carry CPython's range checks (negative or too wide values cannot be passed).

/// `socket.htons(x)`: a 16-bit value from host to network byte order.
///
/// ```
/// assert_eq!(sock::htons(0x1234), 0x1234u16.to_be());
/// ```
pub const fn htons(x: u16) -> u16 {
    x.to_be()
}

/// `socket.htonl(x)`: a 32-bit value from host to network byte order.
///
/// ```
/// assert_eq!(sock::htonl(1).to_ne_bytes(), [0, 0, 0, 1]);
/// ```
pub const fn htonl(x: u32) -> u32 {
    x.to_be()
}

/// `socket.ntohs(x)`: a 16-bit value from network to host byte order.
///
/// ```
/// assert_eq!(sock::ntohs(u16::from_ne_bytes([0x1f, 0x90])), 8080);
/// ```
pub const fn ntohs(x: u16) -> u16 {
    u16::from_be(x)
}

/// `socket.ntohl(x)`: a 32-bit value from network to host byte order.
///
/// ```
/// assert_eq!(sock::ntohl(u32::from_ne_bytes([127, 0, 0, 1])), 0x7f00_0001);
/// ```
pub const fn ntohl(x: u32) -> u32 {
    u32::from_be(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        assert_eq!(ntohs(htons(0xabcd)), 0xabcd);
        assert_eq!(ntohl(htonl(0xdead_beef)), 0xdead_beef);
        assert_eq!(htonl(1).to_ne_bytes(), [0, 0, 0, 1]);
    }
}
