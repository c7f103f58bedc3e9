//! AF_NETLINK: (pid, groups) addresses and NETLINK_* constants.
//!
//! Part of the `sock` workspace; most users depend on the `sock` facade with the matching feature.
