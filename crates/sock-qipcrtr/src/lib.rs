//! AF_QIPCRTR: the Qualcomm IPC router.
//!
//! Part of the `sock` workspace; most users depend on the `sock` facade with the matching feature.
