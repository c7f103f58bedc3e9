//! [`BdAddr`]: a Bluetooth device address (`bdaddr_t`).

/// A Bluetooth device address, `01:23:45:67:89:AB`.
///
/// The kernel's `bdaddr_t` stores the six bytes in reverse (least significant first); this type
/// stores them the kernel's way and converts at the edges, as CPython does. Text form
/// (`sock_core::text`'s hex bytes): six bytes of two hex digits separated by `:`, any case
/// when parsing, upper case when printing.
///
/// ```
/// use sock::bt::BdAddr;
/// let a: BdAddr = "01:23:45:67:89:ab".parse()?;
/// assert_eq!(a.to_string(), "01:23:45:67:89:AB");
/// assert_eq!(a.octets(), [0x01, 0x23, 0x45, 0x67, 0x89, 0xab]);
/// assert_eq!(a.kernel_bytes(), [0xab, 0x89, 0x67, 0x45, 0x23, 0x01]);
/// assert_eq!("01:23:45:67:89".parse::<BdAddr>().unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BdAddr([u8; 6]);

impl BdAddr {
    /// `BDADDR_ANY`, `00:00:00:00:00:00`.
    pub const ANY: BdAddr = BdAddr([0; 6]);
    /// `BDADDR_LOCAL`, `00:00:00:FF:FF:FF`.
    pub const LOCAL: BdAddr = BdAddr([0xff, 0xff, 0xff, 0, 0, 0]);
    /// `BDADDR_NONE`, `FF:FF:FF:FF:FF:FF`.
    pub const NONE: BdAddr = BdAddr([0xff; 6]);

    /// The address whose text form lists `octets` in order.
    ///
    /// ```
    /// use sock::bt::BdAddr;
    /// let a = BdAddr::from_octets([0x01, 0x23, 0x45, 0x67, 0x89, 0xab]);
    /// assert_eq!(a.to_string(), "01:23:45:67:89:AB");
    /// assert_eq!(BdAddr::from_octets([0; 6]), BdAddr::ANY);
    /// ```
    pub const fn from_octets(octets: [u8; 6]) -> BdAddr {
        let o = octets;
        BdAddr([o[5], o[4], o[3], o[2], o[1], o[0]])
    }

    /// The octets in text order (`01:23:…` gives `[0x01, 0x23, …]`).
    ///
    /// ```
    /// use sock::bt::BdAddr;
    /// assert_eq!("01:23:45:67:89:AB".parse::<BdAddr>()?.octets(), [0x01, 0x23, 0x45, 0x67, 0x89, 0xab]);
    /// assert_eq!(BdAddr::LOCAL.octets(), [0, 0, 0, 0xff, 0xff, 0xff]);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub const fn octets(&self) -> [u8; 6] {
        let b = self.0;
        [b[5], b[4], b[3], b[2], b[1], b[0]]
    }

    /// The address from the bytes of a kernel `bdaddr_t` (reversed order).
    ///
    /// ```
    /// use sock::bt::BdAddr;
    /// let a = BdAddr::from_kernel_bytes([0xab, 0x89, 0x67, 0x45, 0x23, 0x01]);
    /// assert_eq!(a.to_string(), "01:23:45:67:89:AB");
    /// ```
    pub const fn from_kernel_bytes(bytes: [u8; 6]) -> BdAddr {
        BdAddr(bytes)
    }

    /// The bytes of the kernel's `bdaddr_t` (reversed order).
    ///
    /// ```
    /// use sock::bt::BdAddr;
    /// let a: BdAddr = "01:23:45:67:89:AB".parse()?;
    /// assert_eq!(a.kernel_bytes(), [0xab, 0x89, 0x67, 0x45, 0x23, 0x01]);
    /// assert_eq!(BdAddr::from_kernel_bytes(a.kernel_bytes()), a);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub const fn kernel_bytes(&self) -> [u8; 6] {
        self.0
    }
}

impl From<[u8; 6]> for BdAddr {
    /// From octets in text order (see [`BdAddr::from_octets`]).
    fn from(octets: [u8; 6]) -> BdAddr {
        BdAddr::from_octets(octets)
    }
}
