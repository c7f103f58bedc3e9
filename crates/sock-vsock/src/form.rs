//! CPython's tuple form of an `AF_VSOCK` address, `(cid, port)`, as `From` conversions
//! between [`VsockAddr`] and `(u32, u32)`.
//!
//! ```
//! use sock::vsock::VsockAddr;
//! let addr = VsockAddr::from((2, 1234));
//! assert_eq!(<(u32, u32)>::from(addr), (2, 1234));
//! ```

use crate::addr::VsockAddr;

impl From<(u32, u32)> for VsockAddr {
    fn from((cid, port): (u32, u32)) -> VsockAddr {
        VsockAddr { cid, port }
    }
}

impl From<VsockAddr> for (u32, u32) {
    fn from(addr: VsockAddr) -> (u32, u32) {
        (addr.cid, addr.port)
    }
}
