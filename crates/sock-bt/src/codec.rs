//! Helpers shared by the address codecs of this crate.

use std::io;

use sock_core::{invalid_input, SockAddr};

/// The family number as `sa_family_t`.
pub(crate) const FAMILY: u16 = libc::AF_BLUETOOTH as u16;

/// The bytes after `sa_family` of an `AF_BLUETOOTH` address holding at least `min` of them.
pub(crate) fn bt_data(addr: &SockAddr, min: usize) -> Option<&[u8]> {
    if addr.family() != FAMILY {
        return None;
    }
    let data = addr.data();
    (data.len() >= min).then_some(data)
}

/// An `AF_BLUETOOTH` address of `data` (the fixed-size tail of a `sockaddr_*`).
pub(crate) fn encode(data: &[u8]) -> SockAddr {
    SockAddr::new(FAMILY, data).expect("Bluetooth addresses fit in sockaddr_storage")
}

/// Six bytes of `data` from `at` as a kernel `bdaddr_t`; `None` if `data` is too short.
pub(crate) fn bdaddr_at(data: &[u8], at: usize) -> Option<crate::BdAddr> {
    let bytes: [u8; 6] = data.get(at..at.checked_add(6)?)?.try_into().ok()?;
    Some(crate::BdAddr::from_kernel_bytes(bytes))
}

/// Parses a decimal (or `0x` hexadecimal) number that fits `T`, naming `what` on error.
pub(crate) fn number<T: TryFrom<u64>>(s: &str, what: &str) -> io::Result<T> {
    let bad = || invalid_input(what, "expected a decimal or 0x-prefixed hexadecimal number in range");
    let (digits, radix) = match s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        Some(hex) => (hex, 16),
        None => (s, 10),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return Err(bad());
    }
    let n = u64::from_str_radix(digits, radix).map_err(|_| bad())?;
    T::try_from(n).map_err(|_| bad())
}

/// An error for a decoded address of the wrong shape.
pub(crate) fn not_a(what: &str) -> io::Error {
    invalid_input("address", &format!("not an AF_BLUETOOTH {what} address"))
}
