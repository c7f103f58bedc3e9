//! [`Pod`]: plain-old-data values that may be viewed as bytes and rebuilt from any bytes.
//! Socket options and ancillary items move through it, so family crates can declare typed
//! options and messages without writing `unsafe` blocks of their own.

/// A `Copy` type with no padding bytes, for which every bit pattern is a valid value: integers,
/// arrays of them, and `#[repr(C)]` structs of them laid out without gaps.
///
/// # Safety
///
/// Implementors guarantee that (1) the type has no padding bytes, so viewing a value as bytes
/// reads only initialised memory, and (2) every sequence of `size_of::<Self>()` bytes is a valid
/// value, so any bytes may be read back as one.
///
/// ```
/// use sock::{Family, Pod, SockOpt, Socket, Type};
///
/// // `struct linger` as a family crate would declare a kernel struct of its own.
/// #[derive(Clone, Copy, Debug, PartialEq)]
/// #[repr(C)]
/// struct Linger {
///     onoff: i32,
///     secs: i32,
/// }
/// // SAFETY: two `i32`s, no padding; any bytes are a valid value.
/// unsafe impl Pod for Linger {}
///
/// const LINGER: SockOpt<Linger> = SockOpt::new(sock::consts::SOL_SOCKET, sock::consts::SO_LINGER);
/// let s = Socket::new(Family::INET, Type::STREAM, None)?;
/// s.set(LINGER, &Linger { onoff: 1, secs: 3 })?;
/// assert_eq!(s.get(LINGER)?, Linger { onoff: 1, secs: 3 });
/// # Ok::<(), std::io::Error>(())
/// ```
pub unsafe trait Pod: Copy + 'static {}

macro_rules! pod {
    ($($t:ty)*) => {$(
        // SAFETY: a primitive integer has no padding and every bit pattern is a valid value.
        unsafe impl Pod for $t {}
    )*};
}
pod!(u8 i8 u16 i16 u32 i32 u64 i64 u128 i128 usize isize);

// SAFETY: an array of `Pod` elements has no padding between elements (size is a multiple of
// the alignment) and is valid for any bytes because each element is.
unsafe impl<T: Pod, const N: usize> Pod for [T; N] {}

cfg_if::cfg_if! {
    // On 64-bit Linux `timeval` is `time_t` + `suseconds_t` and `timespec` is `time_t` +
    // `c_long`, each 8 + 8 bytes. On some 32-bit targets (time64 ABIs) libc lays them out with
    // padding, so they are `Pod` only where the assertions below prove there is none.
    if #[cfg(target_pointer_width = "64")] {
        const _: () = assert!(
            std::mem::size_of::<libc::timeval>()
                == std::mem::size_of::<libc::time_t>() + std::mem::size_of::<libc::suseconds_t>()
        );
        const _: () = assert!(
            std::mem::size_of::<libc::timespec>()
                == std::mem::size_of::<libc::time_t>() + std::mem::size_of::<libc::c_long>()
        );
        // SAFETY: two integer fields whose sizes add up to the struct's size (asserted above at
        // compile time), so there is no padding, and every bit pattern is a valid value.
        unsafe impl Pod for libc::timeval {}
        // SAFETY: as for `timeval`: two integers, no padding (asserted above), any value valid.
        unsafe impl Pod for libc::timespec {}
    }
}
// SAFETY: `linger` is two `c_int`s, no padding, any value.
unsafe impl Pod for libc::linger {}
// SAFETY: `ucred` is `pid_t` + `uid_t` + `gid_t`, three 4-byte integers, no padding.
unsafe impl Pod for libc::ucred {}

/// The bytes of a `Pod` value.
///
/// ```
/// use sock::pod::bytes_of;
/// assert_eq!(bytes_of(&0x0102_0304u32), 0x0102_0304u32.to_ne_bytes());
/// assert_eq!(bytes_of(&[1u16, 2]).len(), 4);
/// ```
pub fn bytes_of<T: Pod>(value: &T) -> &[u8] {
    // SAFETY: `T: Pod` has no padding, so all `size_of::<T>()` bytes behind the reference are
    // initialised; the slice borrows `value` and so cannot outlive it.
    unsafe { std::slice::from_raw_parts((value as *const T).cast::<u8>(), std::mem::size_of::<T>()) }
}

/// The mutable bytes of a `Pod` value (any bytes written leave a valid value).
///
/// ```
/// use sock::pod::bytes_of_mut;
/// let mut value = 0u32;
/// bytes_of_mut(&mut value).copy_from_slice(&7u32.to_ne_bytes());
/// assert_eq!(value, 7);
/// ```
pub fn bytes_of_mut<T: Pod>(value: &mut T) -> &mut [u8] {
    // SAFETY: `T: Pod` has no padding and is valid for any bytes, so exposing its storage as
    // `&mut [u8]` cannot create an invalid value; the slice borrows `value` exclusively.
    unsafe { std::slice::from_raw_parts_mut((value as *mut T).cast::<u8>(), std::mem::size_of::<T>()) }
}

/// A `Pod` value read from the start of `bytes` (at any alignment), or `None` if `bytes` is
/// too short.
///
/// ```
/// use sock::pod::read_pod;
/// let bytes = [0xff, 1, 0, 0, 0]; // an i32 at an odd offset
/// assert_eq!(read_pod::<i32>(&bytes[1..]), Some(i32::from_ne_bytes([1, 0, 0, 0])));
/// assert_eq!(read_pod::<u64>(&bytes), None); // too short
/// ```
pub fn read_pod<T: Pod>(bytes: &[u8]) -> Option<T> {
    if bytes.len() < std::mem::size_of::<T>() {
        return None;
    }
    // SAFETY: `bytes` has at least `size_of::<T>()` readable bytes; `read_unaligned` copes with
    // any alignment; `T: Pod` accepts any bit pattern.
    Some(unsafe { std::ptr::read_unaligned(bytes.as_ptr().cast::<T>()) })
}

/// A zeroed `Pod` value.
///
/// ```
/// let tv: libc::timeval = sock::pod::zeroed();
/// assert_eq!((tv.tv_sec, tv.tv_usec), (0, 0));
/// assert_eq!(sock::pod::zeroed::<[u8; 4]>(), [0; 4]);
/// ```
pub fn zeroed<T: Pod>() -> T {
    // SAFETY: `T: Pod` is valid for any bit pattern, all zeros included.
    unsafe { std::mem::zeroed() }
}

/// A zeroed `msghdr` (null pointers, zero lengths), the starting point of every
/// `sendmsg`/`recvmsg` header; it cannot be `Pod` because it holds pointers.
pub(crate) fn zeroed_msghdr() -> libc::msghdr {
    // SAFETY: `msghdr` is a C struct of integers and raw pointers, for which all-zero bytes
    // are valid (null pointers, zero lengths).
    unsafe { std::mem::zeroed() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let v: u32 = 0x0102_0304;
        assert_eq!(read_pod::<u32>(bytes_of(&v)), Some(v));
        assert_eq!(read_pod::<u64>(&[0u8; 7]), None);
        let unaligned = [9u8, 1, 0, 0, 0];
        assert_eq!(read_pod::<u32>(&unaligned[1..]), Some(1));
        let mut z: [u16; 3] = zeroed();
        bytes_of_mut(&mut z)[0] = 0xff;
        assert_eq!(z[0].to_le_bytes()[0] | z[0].to_be_bytes()[0], 0xff);
    }
}
