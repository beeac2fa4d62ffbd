enum LifecycleTUIPlaceholder {}
