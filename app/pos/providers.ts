import psp from '#app/pos/providers/psp'

/* The payment company that registers this agent's merchants and their terminals. */
export default [psp]
