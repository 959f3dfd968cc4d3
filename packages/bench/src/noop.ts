// Does nothing on purpose: the bench times this to show the fixed cost of starting `node --import tsx`.
export {};
