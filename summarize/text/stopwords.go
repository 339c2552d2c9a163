package text

import "strings"

// IsStopword reports whether the lower-case word w is a function word that carries
// no topic (articles, pronouns, auxiliaries, common prepositions).
func IsStopword(w string) bool {
	_, ok := stopwords[w]
	return ok
}

var stopwords = func() map[string]struct{} {
	m := make(map[string]struct{})
	for _, w := range strings.Fields(`
a about above after again against all also am an and any are aren as at be because
been before being below between both but by can cannot could couldn did didn do does
doesn doing don down during each either else ever every few for from further had hadn
has hasn have haven having he her here hers herself him himself his how however i if
in into is isn it its itself just let ll me might more most much must mustn my myself
neither no nor not now of off on once only or other ought our ours ourselves out over
own re s same shall shan she should shouldn so some such t than that the their theirs
them themselves then there these they this those through thus to too under until up
upon us ve very was wasn we were weren what whatever when whenever where whether which
while who whoever whom whose why will with within without would wouldn yet you
your yours yourself yourselves
said says say told according
arent cant couldnt didnt doesnt dont hadnt hasnt havent isnt mustnt shant shouldnt wasnt werent wont wouldnt
`) {
		m[w] = struct{}{}
	}
	return m
}()
