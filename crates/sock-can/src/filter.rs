//! [`CanFilter`]: `struct can_filter`, the receive filters of `CAN_RAW` sockets.

use std::fmt;

use sock_core::pod::Pod;

use crate::consts::{CAN_EFF_FLAG, CAN_EFF_MASK, CAN_INV_FILTER, CAN_RTR_FLAG, CAN_SFF_MASK};
use crate::id::CanId;

/// A receive filter: a frame matches when `frame_id & mask == id & mask`; an inverted filter
/// matches the frames that do not.
///
/// ```
/// use sock::can::{CanFilter, CanId};
/// let f = CanFilter::new(0x200, 0x700);
/// assert!(f.matches(0x234) && !f.matches(0x334));
/// assert!(!f.inverted().matches(0x234));
/// let exact = CanFilter::exact(CanId::new(0x123).unwrap());
/// assert!(exact.matches(0x123) && !exact.matches(0x123 | sock::can::consts::CAN_EFF_FLAG));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
#[repr(C)]
pub struct CanFilter {
    /// The identifier to compare (with `CAN_INV_FILTER` for an inverted filter).
    pub can_id: u32,
    /// The bits of the identifier that must match.
    pub can_mask: u32,
}

// SAFETY: `#[repr(C)]` of two `u32`s: 8 bytes, no padding, valid for any bits.
unsafe impl Pod for CanFilter {}

impl CanFilter {
    /// The filter `can_id`/`can_mask` as the kernel takes them.
    ///
    /// ```
    /// use sock::can::CanFilter;
    /// let f = CanFilter::new(0x120, 0x7f0); // 0x120..=0x12F
    /// assert!(f.matches(0x12a) && !f.matches(0x130));
    /// ```
    pub const fn new(can_id: u32, can_mask: u32) -> CanFilter {
        CanFilter { can_id, can_mask }
    }

    /// A filter that lets every frame through (the kernel's default).
    pub const ACCEPT_ALL: CanFilter = CanFilter::new(0, 0);

    /// Exactly one identifier in its format (standard or extended), data frames and remote
    /// requests alike.
    ///
    /// ```
    /// use sock::can::{CanFilter, CanId};
    /// let f = CanFilter::exact(CanId::Extended(0x123));
    /// assert!(f.matches(CanId::Extended(0x123).to_raw()) && !f.matches(0x123)); // not the standard 0x123
    /// ```
    pub fn exact(id: CanId) -> CanFilter {
        let mask = match id {
            CanId::Standard(_) => CAN_SFF_MASK | CAN_EFF_FLAG,
            CanId::Extended(_) => CAN_EFF_MASK | CAN_EFF_FLAG,
        };
        CanFilter::new(id.to_raw(), mask)
    }

    /// The same filter, inverted (`CAN_INV_FILTER`): it matches what it did not.
    ///
    /// ```
    /// use sock::can::CanFilter;
    /// let not_0x123 = CanFilter::new(0x123, 0x7ff).inverted();
    /// assert!(!not_0x123.matches(0x123) && not_0x123.matches(0x124));
    /// ```
    pub const fn inverted(self) -> CanFilter {
        CanFilter { can_id: self.can_id ^ CAN_INV_FILTER, can_mask: self.can_mask }
    }

    /// Whether this filter is inverted.
    ///
    /// ```
    /// use sock::can::CanFilter;
    /// let f = CanFilter::new(0x123, 0x7ff);
    /// assert!(!f.is_inverted() && f.inverted().is_inverted());
    /// ```
    pub const fn is_inverted(&self) -> bool {
        self.can_id & CAN_INV_FILTER != 0
    }

    /// Whether a frame with raw `can_id` passes this filter, as the kernel decides.
    ///
    /// ```
    /// use sock::can::{CanFilter, CanId};
    /// let f = CanFilter::new(0x100, 0x700); // every standard id 0x100..=0x1FF
    /// assert!(f.matches(0x1ab) && !f.matches(0x2ab));
    /// assert!(f.matches(CanId::Extended(0x1ab).to_raw())); // the mask ignores CAN_EFF_FLAG
    /// ```
    pub fn matches(&self, can_id: u32) -> bool {
        let id = self.can_id & !CAN_INV_FILTER;
        let hit = (can_id & self.can_mask) == (id & self.can_mask);
        hit != self.is_inverted()
    }

    /// Whether remote requests are distinguished (`CAN_RTR_FLAG` in the mask).
    ///
    /// ```
    /// use sock::can::{consts::CAN_RTR_FLAG, CanFilter};
    /// let data_only = CanFilter::new(0x123, 0x7ff | CAN_RTR_FLAG);
    /// assert!(data_only.checks_rtr() && !data_only.matches(0x123 | CAN_RTR_FLAG));
    /// assert!(!CanFilter::new(0x123, 0x7ff).checks_rtr());
    /// ```
    pub const fn checks_rtr(&self) -> bool {
        self.can_mask & CAN_RTR_FLAG != 0
    }
}

impl fmt::Debug for CanFilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inv = if self.is_inverted() { "~" } else { "" };
        write!(f, "CanFilter({inv}{:#x}/{:#x})", self.can_id & !CAN_INV_FILTER, self.can_mask)
    }
}
